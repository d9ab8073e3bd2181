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
}
