package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The in-process MongoDB of the one-command run: mongo-java-server with its H2 backend, files under
 * the data directory, reached through the ordinary driver on 127.0.0.1. One JVM owns it (H2 locks
 * the file), which the event store's single-writer ordering relies on.
 */
public final class EmbeddedMongo implements AutoCloseable, DurabilityBarrier {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private final OrderedIndexH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    /**
     * How long H2 keeps a chunk before it may write over it, counted from the chunk's creation. H2's
     * default, 45 s, assumes the operating system may take that long to write its buffers out; with a
     * commit per append it kept about 55 KB per append in the file (a probe of 10,000 appends with two
     * read-model writes each: 558 MB at 45 s, 62 MB at 1 s). That a chunk is written over only once
     * the commit that emptied it is on the disk is held by {@link OrderedIndexH2Backend#forceToDisk},
     * not by this. H2 drops emptied chunks in the order they were emptied and stops at the first that
     * is still too young, so this holds every chunk emptied while commands arrive, old ones too, for
     * about this long. Half a second: on issue 14's 100k benchmark, with the slices rewriting the
     * emptiest chunks first, the data files' peak during the load and the commands was 49 and 45 MB
     * (two runs) against 57-60 MB at 2 s (five runs); a probe of H2's chunks during the commands found
     * 6.1 MB in wholly dead chunks waiting at 2 s, 1.2-1.4 MB at half a second (medians of each run). Not 0: H2 then may reuse a
     * chunk that its own chunk map still lists (h2database#2752). A query walking an old root of a
     * map keeps its version in use meanwhile ({@link OrderedIndexH2Backend#handleCommand}), so no
     * chunk it reads is dropped however long it takes.
     */
    static final int RETENTION_MS = 500;
    static final long SYNC_EVERY_MS = 500;
    /** How often the syncer looks whether a commit is due ({@link OrderedIndexH2Backend#commitIfDue}). */
    static final long COMMIT_CHECK_EVERY_MS = 100;
    /** How often the syncer compacts a slice of the file (about 0.1 s of work at most each). */
    static final long COMPACT_EVERY_MS = 200;
    /** Durable appends asked for when the syncer last looked; only its thread reads and writes this. */
    private long appendsAtLastLook = -1;
    private final ScheduledExecutorService syncer;
    /** The store's version when it was last forced to disk: every commit counts, a durable append's or the syncer's. */
    private long syncedVersion = -1;

    private EmbeddedMongo(Path file, OrderedIndexH2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.address = address;
        this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(OrderedIndexH2Backend.inBackground(r), "embedded-mongo-sync");
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(this::commitIfDue, COMMIT_CHECK_EVERY_MS, COMMIT_CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
        syncer.scheduleWithFixedDelay(this::sync, SYNC_EVERY_MS, SYNC_EVERY_MS, TimeUnit.MILLISECONDS);
        syncer.scheduleWithFixedDelay(this::compactSlice, COMPACT_EVERY_MS, COMPACT_EVERY_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * One slice of compaction ({@link OrderedIndexH2Backend#compactSlice}), told whether durable
     * appends arrived since the last look: their commits wait for the slice, so it is smaller then.
     * The slices run on the syncer's thread, so they never overlap a forced write.
     */
    private void compactSlice() {
        long appends;
        synchronized (commits) {
            appends = asked;
        }
        boolean appendsArriving = appends != appendsAtLastLook;
        appendsAtLastLook = appends;
        try {
            backend.compactSlice(appendsArriving);
        } catch (RuntimeException e) {
            // Compaction only gives back space; tried again at the next look, and said.
            log.warn("Could not compact part of the embedded database file {}", file, e);
        }
    }

    /** H2 commits nothing on its own here (see OrderedIndexH2Backend's cut): this does, at its pace. */
    private void commitIfDue() {
        try {
            backend.commitIfDue();
        } catch (RuntimeException e) {
            // What waits is committed at the next look, or by the next durable append, which fails if this does.
            log.error("Could not commit the embedded database {}", file, e);
        }
    }

    /** Forces what H2 wrote to the disk itself, when anything was committed since the last time. */
    private void sync() {
        MVStore store = backend.getMvStore();
        long version = store.getCurrentVersion();
        if (version == syncedVersion || store.isClosed()) {
            return;
        }
        try {
            backend.forceToDisk();
            syncedVersion = version;
        } catch (RuntimeException e) {
            // Tried again next round, and said: until it succeeds, H2 writes over no chunk emptied since.
            log.error("Could not force the embedded database file {} to disk", file, e);
        }
    }

    public static EmbeddedMongo start(Path dataDir, int port) {
        return start(dataDir, port, UnaryOperator.identity());
    }

    /** As {@link #start(Path, int)}, H2 opening the file by the name {@code h2Name} makes of its path (a test's file system). */
    static EmbeddedMongo start(Path dataDir, int port, UnaryOperator<String> h2Name) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create DATA_DIR " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("duban.mv.db").toAbsolutePath();
        OrderedIndexH2Backend backend = OrderedIndexH2Backend.open(h2Name.apply(file.toString()));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB (mongo-java-server, H2) on {} storing {}", address, file);
        return new EmbeddedMongo(file, backend, server, address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Whether H2 holds changes no commit has taken yet (a test's view of the commits). */
    boolean hasUncommittedChanges() {
        return backend.getMvStore().hasUnsavedChanges();
    }

    private final Object commits = new Object();
    /** Tickets handed out so far, and the highest ticket a finished commit covered. */
    private long asked;
    private long durable;
    private boolean committing;

    /** Whether this thread runs a bulk load ({@link #durableTogether}), whose writes are committed at its end. */
    private final ThreadLocal<Boolean> loadingInBulk = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Override
    public <T> T durableTogether(java.util.function.Supplier<T> load) {
        if (loadingInBulk.get()) {
            return load.get();
        }
        loadingInBulk.set(Boolean.TRUE);
        T loaded;
        try {
            loaded = load.get();
        } finally {
            loadingInBulk.remove();
        }
        awaitDurable();
        return loaded;
    }

    /**
     * Writes the H2 store's pending changes to disk now instead of within its one-second autocommit,
     * and returns once a commit that began after the caller's writes has finished. Callers that arrive
     * while a commit runs share the next one (group commit): each is still answered only after its own
     * writes are on disk, and concurrent appends need far fewer commits than one each.
     */
    @Override
    public void awaitDurable() {
        if (loadingInBulk.get()) {
            // Committed with the rest of the load when it ends, before it is acknowledged.
            return;
        }
        long ticket;
        synchronized (commits) {
            // The caller's writes are done: any commit that begins from here on includes them.
            ticket = ++asked;
            while (durable < ticket && committing) {
                try {
                    commits.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a commit", e);
                }
            }
            if (durable >= ticket) {
                return;
            }
            committing = true;
        }
        long covers = 0;
        boolean done = false;
        try {
            // Tickets handed out once the commit holds the store alone are covered: their writes
            // finished before it (a write holds the store shared). Counted there rather than before
            // waiting for it, the commit covers the appends that finished meanwhile too.
            covers = backend.commit(() -> {
                synchronized (commits) {
                    return asked;
                }
            });
            done = true;
        } finally {
            synchronized (commits) {
                committing = false;
                if (done) {
                    durable = Math.max(durable, covers);
                }
                commits.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: interrupting the syncer inside FileChannel.force closes H2's file channel
        // (ClosedByInterruptException), and the stop's own writes (the commit, moving the chunks)
        // then failed with ClosedChannelException. A sync under way finishes; none starts after this.
        syncer.shutdown();
        try {
            if (!syncer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The embedded database's disk sync did not finish within 10 s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            backend.commit();
        } finally {
            server.shutdownNow();
        }
    }
}
