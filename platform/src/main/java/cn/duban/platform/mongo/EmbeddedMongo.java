package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process MongoDB of the one-command run: mongo-java-server with its H2 backend, files under
 * the data directory, reached through the ordinary driver on 127.0.0.1. One JVM owns it (H2 locks
 * the file), which the event store's single-writer ordering relies on.
 */
public final class EmbeddedMongo implements AutoCloseable, DurabilityBarrier {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongo(Path file, H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongo start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create DATA_DIR " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("duban.mv.db").toAbsolutePath();
        H2Backend backend = OrderedIndexH2Backend.open(file.toString());
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

    private final Object commits = new Object();
    /** Tickets handed out so far, and the highest ticket a finished commit covered. */
    private long asked;
    private long durable;
    private boolean committing;

    /**
     * Writes the H2 store's pending changes to disk now instead of within its one-second autocommit,
     * and returns once a commit that began after the caller's writes has finished. Callers that arrive
     * while a commit runs share the next one (group commit): each is still answered only after its own
     * writes are on disk, and concurrent appends need far fewer commits than one each.
     */
    @Override
    public void awaitDurable() {
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
        long covers;
        synchronized (commits) {
            covers = asked;
        }
        boolean done = false;
        try {
            backend.commit();
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
        try {
            backend.commit();
        } finally {
            server.shutdownNow();
        }
    }
}
