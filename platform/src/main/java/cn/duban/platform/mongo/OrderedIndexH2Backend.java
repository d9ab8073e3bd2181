package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.compress.Compressor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStore.TxCounter;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * mongo-java-server's H2 backend with every unique-index map opened under {@link IndexKeyOrder}.
 * H2 hands out one instance per map name, so a map opened here first is the one mongo-java-server's
 * own code then uses. Maps of an existing file that were sorted by the old order are re-sorted once,
 * before the server starts and with H2's background commit off, so the file holds either the old
 * layout or the new one, never a mixture; a marker map records which maps are in the new order.
 */
final class OrderedIndexH2Backend extends H2Backend {
    /**
     * Makes every commit a consistent cut of the writes. H2 takes, at a commit, each map's root as
     * the commit reaches that map, while writers go on, so a commit could hold a processor's token and
     * not the read-model write made before it (after a crash that write was lost for good, the token
     * saying it was handled: {@code CrashRecoveryIT} on H2 2.5.252), or a document and not its index
     * entry. A command that writes holds this shared for the whole command; a commit holds it alone
     * while H2 takes the roots, and lets it go once they are taken ({@link HookedFileStore}): the
     * pages are then written beside the writers, which copy what they change. That holds only because
     * a stored document is never changed in place ({@link IdIndexedH2Collection} updates a copy);
     * {@code ConsistentCommitsTest} crashes a store 40 times mid-load and fails without either.
     * H2 never commits on its own: its background commit and the commit a writer's thread makes past
     * the buffer are both off, and {@link #commitIfDue} takes their place.
     */
    private final ReentrantReadWriteLock cut = new ReentrantReadWriteLock();
    /**
     * Commits and compaction slices, one at a time, taken before the cut: a commit waits for H2's
     * store lock, which a slice or another commit holds, and should not hold the writers up meanwhile.
     */
    private final ReentrantLock turn = new ReentrantLock(true);
    /** The thread whose commit lets the cut go once the roots are taken; written only by the thread holding {@link #turn}. */
    private volatile Thread releasesCutAtRoots;
    /**
     * The version that was current when the last force to disk began, kept in use until the next
     * one has finished (see {@link #forceToDisk}); guarded by {@link #forcing}.
     */
    private TxCounter inUseUntilNextForce;
    private final Object forcing = new Object();
    /** When the last commit finished, for {@link #commitIfDue}. */
    private volatile long lastCommitNanos = System.nanoTime();

    private static final Logger log = LoggerFactory.getLogger(OrderedIndexH2Backend.class);
    private static final String INDEX_MAP = "._index_";
    /** mongo-java-server's name prefix of a collection's documents map. */
    private static final String COLLECTION_MAP = "databases.";
    /** mongo-java-server's name prefix of a collection's metadata map. */
    private static final String META_MAP = "meta.";
    private static final String MARKERS = "duban.indexKeyOrder";
    private static final String ORDER_VERSION = "1";
    /**
     * {@link #commitIfDue} commits once this much (by H2's estimate) waits to be written, as H2 did
     * on its own; each commit writes every page changed since the last one whole, so fewer commits
     * leave fewer dead copies of the read models' busiest pages (the 100k store after a stop, with
     * H2's own compaction: 47 MB at 16 MB, 67 MB at 1 MB). Durable appends commit before they are
     * acknowledged whatever this is (awaitDurable).
     */
    private static final int COMMIT_BUFFER_BYTES = 16 * 1024 * 1024;
    /** ... and when anything waits this long: H2's own default delay. */
    private static final long COMMIT_DELAY_NANOS = 1_000_000_000L;
    /** Commands that never write: they need not wait for a commit, nor a commit for them. */
    private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes",
            "listDatabases", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo", "killCursors", "endSessions",
            "dbStats", "dbstats", "collStats", "collstats", "serverStatus", "getParameter", "connectionStatus", "whatsmyuri",
            "getLastError", "getlasterror", "hostInfo", "getCmdLineOpts");
    /**
     * How much of partly used chunks one {@link #compactSlice} rewrites at most while no durable
     * append arrives; a quarter of it while appends do, half when the chunks are less than
     * {@link #LOW_FILL_RATE} % live, and all of it when less than {@link #VERY_LOW_FILL_RATE} %. A slice holds H2's store lock, which every
     * commit waits for, and rewriting costs about 0.1 s a megabyte on a 2-core machine (documents
     * decoded, encoded and compressed again).
     */
    private static final int SLICE_BYTES = 1024 * 1024;
    /** The stop's rewrite: its rounds, and its time, a second per so many bytes of file up to the most. */
    private static final int STOP_SLICE_BYTES = 4 * 1024 * 1024;
    private static final long STOP_REWRITE_BYTES_PER_SECOND = 50L * 1024 * 1024;
    private static final long STOP_REWRITE_MAX_NANOS = 2_000_000_000L;
    /** Chunks fuller than this on average are left alone: H2's own auto-compact rate. */
    private static final int SLICE_TARGET_FILL_RATE = 90;
    /** Chunks less live than this on average get slices of half a megabyte while appends arrive. */
    private static final int LOW_FILL_RATE = 70;
    /** Chunks less live than this on average get whole slices even while appends arrive ({@link #compactSlice}). */
    private static final int VERY_LOW_FILL_RATE = 65;
    /**
     * A store with less than this waiting to be committed (by H2's estimate), and no durable append
     * since the last look, is quiet. Idle on issue 14's 1M store it held 49-116 KB at each look:
     * processors renewing their claims, a few writes a second.
     */
    private static final int QUIET_UNSAVED_BYTES = 1024 * 1024;
    private final HookedFileStore file;
    /**
     * Whether the slices rest ({@link QuietSlices}): on a quiet store, after 5 s of slices (25) that
     * do not give back another megabyte; until the store is not quiet, or its small writes leave a
     * megabyte more dead. Used under {@link #turn} only.
     */
    private final QuietSlices quietSlices = new QuietSlices(25, 1024 * 1024, 1024 * 1024);

    /**
     * Rewrites up to a slice of the emptiest chunks' live pages into new chunks ({@link #rewrite}), when
     * the chunks are on average less than 90 % live: a quarter of a megabyte while durable appends
     * arrive, since their commits wait for the slice (see {@link #turn}), and a megabyte otherwise,
     * writes that wait for no commit included (a rebuild, processors catching up): the writers go on
     * beside a slice. With slices a quarter for any write (a rule from when slices held the writers
     * too), the chunks of issue 14's 1M store were 58 % live after the benchmark's two rebuilds, and
     * its file 4.0 times the events' JSON. While appends arrive and the chunks are less than 70 %
     * live, a slice is half a megabyte: in the load of issue 14's 1M store, appends of 200 events
     * each and the read models catching up beside them, the chunks stayed about 57 % live with a
     * quarter, and 69 % live with half (file at the end of the load 533 and 433 MB, one run each,
     * both rewriting the emptiest chunks first); that load took 224 and 192 s. Under load the file
     * still grows faster than it is compacted and catches up in the pauses. Below 65 % live a whole
     * megabyte even while appends arrive: once stop 51's records keys were written at each commit, the
     * 1M load reached 478 MB of file with half (3.27 times the events' JSON, against issue 14's 3),
     * 428 MB with a megabyte below 62 % and 413 MB below 65 % (2.83 times), the 4-client commands after
     * it at 185, 216 and 298/s (one run each; the machine's pace differs more than that from run to run). On a quiet store the
     * slices rest once they stop giving space back ({@link QuietSlices}).
     * H2's own background compaction is off (see {@link #open}): a round of it rewrote up to the
     * auto-commit buffer (16 MB) under the store lock when the store was idle, 2 s on issue 14's 1M
     * store, and the first command after a restart waited 1.9-4.5 s behind it.
     */
    void compactSlice(boolean appendsArriving) {
        MVStore store = getMvStore();
        // Not under the cut: a slice writes the same contents into new pages, so writers go on
        // beside it; a commit waits for its turn. The pages it rewrote are committed here, on the
        // syncer's thread, in the same turn: left to the next commit, they were written by a durable
        // append's, on its request thread (in a cold JVM's first command on issue 14's 1M store,
        // 0.3 s of the command's commit after a second of idle slices, JFR).
        turn.lock();
        try {
            if (store.isClosed()) {
                return;
            }
            boolean quiet = !appendsArriving && store.getUnsavedMemory() < QUIET_UNSAVED_BYTES;
            if (quietSlices.slice(quiet, file::partlyLiveDeadBytes) && rewrite(store, sliceBudget(store, appendsArriving))) {
                commit();
            }
        } finally {
            turn.unlock();
        }
    }

    private static int sliceBudget(MVStore store, boolean appendsArriving) {
        if (!appendsArriving) {
            return SLICE_BYTES;
        }
        int fillRate = store.getFileStore().getChunksFillRate();
        return fillRate < VERY_LOW_FILL_RATE ? SLICE_BYTES : fillRate < LOW_FILL_RATE ? SLICE_BYTES / 2 : SLICE_BYTES / 4;
    }

    /** Commits what waits, as a consistent cut: no command that writes is half done while H2 takes the maps' roots. */
    @Override
    public void commit() {
        commit(() -> 0);
    }

    /**
     * As {@link #commit()}, answering what {@code writesDone} answers once the commit holds the
     * store alone: whatever it counts by then, the commit includes. Returns once the commit is
     * written; the writers wait only while H2 takes the maps' roots.
     */
    long commit(LongSupplier writesDone) {
        turn.lock();
        try {
            cut.writeLock().lock();
            try {
                long covered = writesDone.getAsLong();
                releasesCutAtRoots = Thread.currentThread();
                super.commit();
                lastCommitNanos = System.nanoTime();
                return covered;
            } finally {
                releasesCutAtRoots = null;
                // Still held when there was nothing to write (H2 then takes no roots).
                if (cut.isWriteLockedByCurrentThread()) {
                    cut.writeLock().unlock();
                }
            }
        } finally {
            turn.unlock();
        }
    }

    /** Called by the file store on the committing thread: the commit's roots are taken. */
    private void rootsTaken() {
        if (releasesCutAtRoots == Thread.currentThread()) {
            releasesCutAtRoots = null;
            cut.writeLock().unlock();
        }
    }

    /**
     * Commits when a buffer's worth waits or anything has waited a second: what H2's background
     * commit did before it was turned off (see {@link #cut}). Run by the syncer's thread every
     * {@link EmbeddedMongo#COMMIT_CHECK_EVERY_MS}.
     */
    void commitIfDue() {
        MVStore store = getMvStore();
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        if (store.getUnsavedMemory() >= COMMIT_BUFFER_BYTES || System.nanoTime() - lastCommitNanos >= COMMIT_DELAY_NANOS) {
            commit();
        }
    }

    /**
     * Forces the file to disk; from then on H2 may write over the chunks that the commits written
     * before it emptied, and over no other. H2 writes over an emptied chunk once it is older than the
     * retention time and no version still in use ({@link MVStore#registerVersionUsage}) comes before
     * the commit that emptied it. The age counts from the chunk's creation, not from that commit: on
     * its own H2 would write over a chunk made long ago as soon as a commit emptied it, possibly
     * before that commit reached the disk, and a power cut could then leave the disk with neither
     * the chunk's pages nor their replacements, and the file unreadable ({@code PowerCutTest}).
     * So the version current when a force begins is kept in use until the next force has finished.
     * Every version before it was written in full by then (H2 writes one commit at a time), and so
     * is on the disk once this force returns: the chunks those versions emptied are the ones let go.
     * The version itself may be on the disk too; its chunks wait for the next force, to be sure.
     * Run by the syncer's thread every {@link EmbeddedMongo#SYNC_EVERY_MS}, and once at the open.
     */
    void forceToDisk() {
        synchronized (forcing) {
            MVStore store = getMvStore();
            if (store.isClosed()) {
                return;
            }
            TxCounter current = store.registerVersionUsage();
            try {
                store.sync();
            } catch (RuntimeException e) {
                store.deregisterVersionUsage(current);
                throw e;
            }
            TxCounter previous = inUseUntilNextForce;
            inUseUntilNextForce = current;
            store.deregisterVersionUsage(previous);
        }
    }

    /**
     * At the stop: the stop forces and moves the chunks itself, and H2 closes only a store with no
     * version in use. Once: the compaction releases it before it moves chunks; the close releases it
     * if the compaction failed or never ran.
     */
    private void releaseForcedVersion() {
        synchronized (forcing) {
            if (inUseUntilNextForce != null) {
                getMvStore().deregisterVersionUsage(inUseUntilNextForce);
                inUseUntilNextForce = null;
            }
        }
    }

    /**
     * Every command keeps the version current when it began in use until it ends
     * ({@link MVStore#registerVersionUsage}), so that H2 drops no chunk it may still read. A query
     * walks the roots of its maps as they were when it began; without this only the retention time
     * and the version kept for the next force protected those chunks, about a second, while the
     * slices went on rewriting chunks and H2 dropped the emptied ones. At a million events a query
     * that scans a collection takes seconds, and one failed with "Chunk 7518 not found" in issue 14's
     * benchmark (the store itself was whole: every document read back after it). {@code LongReadsTest}.
     */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        TxCounter reading = getMvStore().registerVersionUsage();
        try {
            if (READS.contains(command) || "aggregate".equals(command) && !writes(query)) {
                return super.handleCommand(channel, database, command, query);
            }
            cut.readLock().lock();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                cut.readLock().unlock();
            }
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    /** The legacy wire protocol's queries, which may carry commands that write: held as writes, and their version kept in use. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        TxCounter reading = getMvStore().registerVersionUsage();
        try {
            cut.readLock().lock();
            try {
                return super.handleQuery(query);
            } finally {
                cut.readLock().unlock();
            }
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    /** An aggregation writes only through an {@code $out} or {@code $merge} stage. */
    private static boolean writes(Document aggregate) {
        return !(aggregate.get("pipeline") instanceof List<?> stages)
                || stages.stream().anyMatch(st -> !(st instanceof Document d) || d.containsKey("$out") || d.containsKey("$merge"));
    }

    private OrderedIndexH2Backend(MVStore store, HookedFileStore file) {
        super(store);
        this.file = file;
        file.onRootsTaken(this::rootsTaken);
    }

    /**
     * zlib's level for the pages a durable append's commit writes, which the append waits for. Each
     * commit compresses every page it rewrites, whole: at H2's level (zlib's default, 6) that was 13 %
     * of the CPU of issue 14's commands at 100k (async-profiler). At level 1, in the benchmark's rounds
     * after the JIT had settled, 441 commands/s at 3.3 ms of CPU each against 377/s at 3.9 ms.
     */
    static final int PAGE_DEFLATE_LEVEL = 1;
    /**
     * zlib's level for the pages the syncer's thread writes (its commits and compaction's rewrites),
     * which nobody waits for: the pages that stay in the file are mostly those compaction moved. At
     * level 1 throughout, the benchmark's data files at 100k reached 3.1 times the events' JSON.
     */
    static final int BACKGROUND_DEFLATE_LEVEL = 6;
    /** Whether this thread is the syncer's, writing what nobody waits for ({@link #BACKGROUND_DEFLATE_LEVEL}). */
    private static final ThreadLocal<Boolean> IN_BACKGROUND = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Runs {@code work} as the syncer's thread runs: what it commits or compacts is deflated at {@link #BACKGROUND_DEFLATE_LEVEL}. */
    static Runnable inBackground(Runnable work) {
        return () -> {
            IN_BACKGROUND.set(Boolean.TRUE);
            work.run();
        };
    }

    static OrderedIndexH2Backend open(String fileName) {
        // Pages compressed (Deflate): documents of repeated field names shrink several times, and so
        // does what each commit writes. LZF took a 5,000-append probe from 88 MB to 22 MB; Deflate took
        // issue 14's 100k store from 88 MB to 75 MB more. Deflated at zlib's fastest level by
        // PageDeflate (see PAGE_DEFLATE_LEVEL), harder in the background, which H2 reads as its own.
        // A file written otherwise opens as before; its pages are compressed as they are rewritten.
        // H2 commits nothing on its own (no background commit, and a buffer of 0 turns off the commit
        // a writer's thread made past it): see `cut`. Its background compaction is off with it
        // (an auto-compact rate of 0 says so too): EmbeddedMongo runs compactSlice every 0.2 s instead.
        // The file store is H2's own with two hooks (HookedFileStore); it reads its settings from
        // its own map, so the auto-compact rate is given to it there.
        HookedFileStore file = new HookedFileStore(new HashMap<>(Map.of("autoCompactFillRate", 0)));
        file.open(fileName, false, (char[]) null);
        MVStore store;
        try {
            store = new MVStore.Builder().adoptFileStore(file).compressHigh().autoCommitDisabled()
                    .autoCommitBufferSize(0).autoCompactFillRate(0).open();
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
        try {
            compressPagesWith(store, new PageDeflate(PAGE_DEFLATE_LEVEL, BACKGROUND_DEFLATE_LEVEL, IN_BACKGROUND::get));
            reorderExistingIndexes(store);
            store.commit();
            store.setRetentionTime(EmbeddedMongo.RETENTION_MS);
            OrderedIndexH2Backend backend = new OrderedIndexH2Backend(store, file);
            backend.forceToDisk();
            return backend;
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    /**
     * At an orderly stop, the emptiest chunks are rewritten for a while ({@link #rewriteForStop}),
     * then the chunks are moved into the space freed before them and the file truncated.
     * {@link MVStore#compactFile} moves nothing while the chunks are fuller than its
     * auto-compact rate (90 %): it returns at once. A running store's file holds space freed by
     * earlier commits besides its chunks (issue 14's 100k store: 63 MB, of which 46 MB chunks; 46 MB
     * after this, in 0.2 s; the 1M store: 562 MB, 472 MB after this, in 1.7 s). Nothing else touches
     * the store by now; the server stopped taking requests.
     */
    @Override
    public void close() {
        turn.lock();
        cut.writeLock().lock();
        try {
            closeStore();
        } finally {
            cut.writeLock().unlock();
            turn.unlock();
        }
    }

    private void closeStore() {
        try {
            // mongo-java-server's shutdown closes the backend, and the server's own close may ask again.
            if (!getMvStore().isClosed()) {
                compactForStop();
            }
        } catch (RuntimeException e) {
            // Compaction only gives back disk space: said, and the stop goes on to close the store.
            log.warn("Could not compact the embedded database file at the stop; it stays as large as it was", e);
        } finally {
            releaseForcedVersion();
            super.close();
        }
    }

    private void compactForStop() {
        MVStore store = getMvStore();
        // Nothing will read an old version any more: a chunk whose pages were all rewritten may be
        // written over as soon as the rewrite is on the disk. H2 would keep the last five versions.
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        store.commit();
        rewriteForStop(store);
        releaseForcedVersion();
        if (store.getFileStore() instanceof RandomAccessStore file) {
            file.sync();
            // Moves every chunk that lies after the first free block, then truncates the file. H2's
            // own compactFile rewrote and moved within one time limit: on issue 14's 1M store its
            // rounds of rewriting ran out of their 10 s before the move began and left the file
            // larger. Here the move always runs, after a rewrite of its own limit. The move is H2's,
            // forcing the file as it goes: before it begins and after each step's chunk of where the
            // chunks went.
            file.compactMoveChunks(100, Long.MAX_VALUE, store);
        }
    }

    /**
     * Rewrites the emptiest chunks' live pages, as the slices do, for a second per 50 MB
     * of file and 2 s at most: the stop of issue 14's benchmark comes right after two rebuilds of
     * every read model, which leave chunks faster than the slices compact them. On a copy of its
     * 100k store after the stop (73 MB, chunks 57 % live) 2 s of this took the moved file to 49 MB,
     * none 73 MB; on its 1M store (527 MB) 2 s gave 513 MB.
     */
    private void rewriteForStop(MVStore store) {
        long budgetNanos = Math.min(STOP_REWRITE_MAX_NANOS, store.getFileStore().size() * 1_000_000_000L / STOP_REWRITE_BYTES_PER_SECOND);
        long start = System.nanoTime();
        while (System.nanoTime() - start < budgetNanos && rewrite(store, STOP_SLICE_BYTES)) {
            store.commit();
            // Lets the next rounds write over the chunks the rounds before emptied, now on the disk.
            forceToDisk();
        }
    }

    /**
     * One round of H2's compaction, rewriting at most {@code budget} live bytes, of the emptiest chunks
     * first ({@link EmptiestChunksFirst}, through {@link HookedFileStore#rewriteBudget}). Only the
     * syncer's slices and the stop call this, each in its turn.
     */
    private boolean rewrite(MVStore store, int budget) {
        file.rewriteBudget(budget);
        return store.compact(SLICE_TARGET_FILL_RATE, budget);
    }

    /**
     * Makes {@code compressor} the store's Deflate compression (H2 reads and writes pages compressed
     * "high" with it). H2 2.3.232 makes its own on first use, into a private field, and has no setting
     * for it; {@code PageDeflateTest} fails if an upgrade renames the field.
     */
    static void compressPagesWith(MVStore store, Compressor compressor) {
        H2Internals.set(MVStore.class, store, "compressorHigh", compressor, "page compression");
    }

    private static void reorderExistingIndexes(MVStore store) {
        MVMap<String, String> markers = store.openMap(MARKERS);
        for (String name : store.getMapNames()) {
            if (name.startsWith(COLLECTION_MAP)) {
                openCollectionMap(store, name);
                continue;
            }
            if (!name.contains(INDEX_MAP)) {
                continue;
            }
            boolean ordered = ORDER_VERSION.equals(markers.get(name));
            if (ordered) {
                openIndexMap(store, name);
                continue;
            }
            // Read in the old order (a cursor walks the pages without comparing), write in the new.
            List<Map.Entry<Object, Object>> entries = new ArrayList<>();
            store.openMap(name).entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
            store.removeMap(name);
            MVMap<Object, Object> reordered = openIndexMap(store, name);
            entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
            markers.put(name, ORDER_VERSION);
            log.info("Re-sorted {} keys of index {} for faster look-ups", entries.size(), name);
        }
    }

    /** The mark of an {@code _id} index map that holds no string keys ({@link DocumentKeyedIdIndex}). */
    private static final String WITHOUT_STRINGS = "#withoutStrings";

    /**
     * An {@code _id} index map of a store written before {@link DocumentKeyedIdIndex} holds every key;
     * its strings are dropped once, at the first start after the upgrade, by writing the other keys into a
     * new map (the event store's positions: about 21,000 on the benchmark's 1M store) rather than
     * removing hundreds of thousands of strings one by one.
     */
    private static MVMap<Object, Object> withoutStringKeys(MVStore store, String name, MVMap<Object, Object> map) {
        MVMap<String, String> markers = store.openMap(MARKERS);
        if (markers.containsKey(name + WITHOUT_STRINGS)) {
            return map;
        }
        if (!map.isEmpty()) {
            List<Map.Entry<Object, Object>> others = new ArrayList<>();
            long strings = 0;
            for (Map.Entry<Object, Object> e : map.entrySet()) {
                if (e.getKey() instanceof de.bwaldvogel.mongo.backend.KeyValue k && k.size() == 1 && k.get(0) instanceof String) {
                    strings++;
                } else {
                    others.add(Map.entry(e.getKey(), e.getValue()));
                }
            }
            if (strings > 0) {
                store.removeMap(map);
                map = openIndexMap(store, name);
                for (Map.Entry<Object, Object> e : others) {
                    map.put(e.getKey(), e.getValue());
                }
                log.info("Dropped {} string keys of index {}: the documents map answers for them", strings, name);
            }
        }
        markers.put(name + WITHOUT_STRINGS, "1");
        return map;
    }

    private static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
        MVMap<Object, Object> map = store.openMap(name,
                new MVMap.Builder<Object, Object>().keyType(new IndexKeyOrder()));
        store.<String, String>openMap(MARKERS).put(name, ORDER_VERSION);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static MVMap<Object, de.bwaldvogel.mongo.bson.Document> openCollectionMap(MVStore store, String name) {
        MVMap<Object, ?> map = store.openMap(name, new MVMap.Builder<Object, Object>().valueType(new StoredDocumentType()));
        return (MVMap<Object, de.bwaldvogel.mongo.bson.Document>) map;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Opens each index map, new ones included, under the fast order before mongo-java-server asks for it. */
    private final class Database extends H2Database {
        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            String namespace = getFullCollectionNamespace(collectionName);
            String name = namespace + INDEX_MAP + indexName;
            MVMap<Object, Object> map = openIndexMap(getMvStore(), name);
            if (!sparse && keys.size() == 1 && keys.get(0).getKey().equals("_id")) {
                return new DocumentKeyedIdIndex(indexName, keys, openCollectionMap(getMvStore(), COLLECTION_MAP + namespace),
                        withoutStringKeys(getMvStore(), name, map));
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /** As mongo-java-server opens a collection (the same two maps), but answering sorts on {@code _id} in key order. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = openCollectionMap(getMvStore(), COLLECTION_MAP + namespace);
            MVMap<String, Object> meta = getMvStore().openMap(META_MAP + namespace);
            return new IdIndexedH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }
    }
}
