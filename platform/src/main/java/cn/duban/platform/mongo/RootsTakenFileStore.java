package cn.duban.platform.mongo;

import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

import java.util.Map;

/**
 * H2's single-file store, telling its owner when a commit has taken every map's root and begins to
 * write them. H2 2.3.232 asks for a write buffer only there: {@code MVStore.storeNow} collects the
 * changed maps' roots ({@code collectChangedMapRoots}) and hands them to
 * {@code FileStore.serializeAndStore}, which makes the chunk and then asks for its buffer. From that
 * moment the commit writes a fixed tree of pages: a later write to a map copies the pages it changes
 * (copy-on-write), so a writer may go on while the pages are serialized. {@code RootsTakenFileStoreTest}
 * fails if an H2 upgrade moves that call.
 */
final class RootsTakenFileStore extends SingleFileStore {
    private volatile Runnable rootsTaken = () -> { };

    RootsTakenFileStore(Map<String, Object> config) {
        super(config);
    }

    /** Run on the committing thread once the roots are taken, before any page is written. */
    void onRootsTaken(Runnable action) {
        this.rootsTaken = action;
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        rootsTaken.run();
        return super.getWriteBuffer();
    }
}
