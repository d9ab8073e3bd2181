package cn.duban.platform.mongo;

/**
 * Makes every write acknowledged so far survive a crash before the caller acknowledges anything
 * to its client. A real replica set does this through the write concern; the embedded server
 * needs an explicit commit of its H2 store.
 */
@FunctionalInterface
public interface DurabilityBarrier {
    DurabilityBarrier WRITE_CONCERN = () -> {
    };

    void awaitDurable();

    /**
     * Runs a bulk load on this thread whose writes become durable together, once, before this
     * returns, rather than one commit per append: the demo's 1,400 commands, each waiting for its
     * own commit, spent about half the loading thread's time in them. Nothing the load does may be
     * acknowledged to anyone before this returns; a load cut short leaves a store that is as partial
     * as with a commit per append, and no less consistent (a commit is whole). A replica set makes
     * each write durable by its write concern: there is nothing to put together.
     */
    default <T> T durableTogether(java.util.function.Supplier<T> load) {
        return load.get();
    }
}
