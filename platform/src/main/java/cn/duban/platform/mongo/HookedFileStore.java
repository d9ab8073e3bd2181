package cn.duban.platform.mongo;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

import java.util.Collection;
import java.util.Map;

/**
 * H2's single-file store with two hooks.
 * <ul>
 * <li>It tells its owner when a commit has taken every map's root and begins to write them. H2
 * 2.3.232 asks for a write buffer only there: {@code MVStore.storeNow} collects the changed maps'
 * roots ({@code collectChangedMapRoots}) and hands them to {@code FileStore.serializeAndStore}, which
 * makes the chunk and then asks for its buffer. From that moment the commit writes a fixed tree of
 * pages: a later write to a map copies the pages it changes (copy-on-write), so a writer may go on
 * while the pages are serialized. {@code HookedFileStoreTest} fails if an H2 upgrade moves that call.
 * <li>Given a budget for the next compaction ({@link #rewriteBudget}), it offers H2 the emptiest
 * chunks first ({@link EmptiestChunksFirst}), through the place H2 asks which chunks may be
 * rewritten ({@code getRewriteCandidates}); {@code HookedFileStoreTest} checks that H2 rewrites them.
 * </ul>
 */
final class HookedFileStore extends SingleFileStore {
    private volatile Runnable rootsTaken = () -> { };
    /** Live bytes the next compaction may rewrite; 0 leaves the choice to H2. */
    private volatile long rewriteBudget;

    HookedFileStore(Map<String, Object> config) {
        super(config);
    }

    /** Run on the committing thread once the roots are taken, before any page is written. */
    void onRootsTaken(Runnable action) {
        this.rootsTaken = action;
    }

    /** The live bytes the compactions from now on rewrite at most, the emptiest chunks first; 0 for H2's own choice. */
    void rewriteBudget(long bytes) {
        this.rewriteBudget = bytes;
    }

    @Override
    public WriteBuffer getWriteBuffer() {
        rootsTaken.run();
        return super.getWriteBuffer();
    }

    // H2's chunk type here (SFChunk) is not public: the override can name it only raw.
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Collection getRewriteCandidates() {
        long budget = rewriteBudget;
        if (budget <= 0 || !isSpaceReused()) {
            return super.getRewriteCandidates();
        }
        MVStore store = getMvStore();
        Collection<Chunk> chunks = (Collection) getChunks().values();
        return EmptiestChunksFirst.choose(chunks,
                c -> new EmptiestChunksFirst.Space(c.maxLen, c.maxLenLive, c.time, c.version),
                store.getTimeAbsolute() - getCreationTime(), getRetentionTime(), store.getCurrentVersion() - 1, budget);
    }
}
