package cn.duban.platform.mongo;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.FileStore;
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
 * <li>Its pages are split at {@link #MAX_PAGE_SIZE} of estimated memory, not H2's 16 KB: see there.
 * </ul>
 */
final class HookedFileStore extends SingleFileStore {
    private volatile Runnable rootsTaken = () -> { };
    /** Live bytes the next compaction may rewrite; 0 leaves the choice to H2. */
    private volatile long rewriteBudget;

    /**
     * The estimated memory above which H2 splits a page. H2 2.3.232 fixes it at 16 KB (or less for a
     * small cache) and reads no setting for it: its {@code pageSplitSize} option is ignored. A page is
     * compressed alone, so small pages of small documents compress badly: at 16 KB a page of issue
     * 14's reported records (about 2 KB each in memory, 300 bytes of BSON) held five of them, and
     * those records of its 1M store took 102 MB of the file; rewritten with pages four times as large,
     * 55 MB (the fact logs, timelines and audit trail, about one 10 KB document a page, moved by
     * under 1 %). 64 KB is also what H2's own rule gives a 16 MB cache, the largest item it caches
     * divided by 16, before the cap of 16 KB; each commit still writes only the pages it changed.
     */
    static final int MAX_PAGE_SIZE = 64 * 1024;

    HookedFileStore(Map<String, Object> config) {
        super(config);
        splitPagesAt(MAX_PAGE_SIZE);
    }

    /** H2's field is private and final, set in its constructor; {@code HookedFileStoreTest} fails if an upgrade renames it. */
    private void splitPagesAt(int bytes) {
        H2Internals.set(FileStore.class, this, "maxPageSize", bytes, "page size");
    }

    /** Run on the committing thread once the roots are taken, before any page is written. */
    void onRootsTaken(Runnable action) {
        this.rootsTaken = action;
    }

    /** The live bytes the compactions from now on rewrite at most, the emptiest chunks first; 0 for H2's own choice. */
    void rewriteBudget(long bytes) {
        this.rewriteBudget = bytes;
    }

    /**
     * The bytes of partly live chunks that no live page uses, as H2 counts them (each page by the
     * length class it was written in): what compaction can give back. Chunks no page uses any more
     * are left out; H2 lets them go on its own.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    long partlyLiveDeadBytes() {
        long dead = 0;
        for (Chunk<?> chunk : (Collection<Chunk<?>>) (Collection) getChunks().values()) {
            if (chunk.maxLenLive > 0) {
                dead += chunk.maxLen - chunk.maxLenLive;
            }
        }
        return dead;
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
