package cn.duban.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A reader's cache of {@link ChunkedLog}s, decoded: a unit's facts are read and decoded once, and
 * afterwards only from the last chunk the cache had seen onwards (usually one small document). The
 * logs only ever grow at their end, so a snapshot stays a true prefix; a log found shorter than
 * the snapshot (a rebuild dropped it) is read again whole. Any process may append (another
 * replica's projection): nothing here trusts an in-memory tail, every read asks the store.
 *
 * <p>Bounded by the number of entries held across keys, least recently read keys evicted first,
 * so the heap stays flat whatever the store's size (issue 14).
 */
public final class DecodedLogCache<T> {
    private final MongoCollection<Document> chunks;
    private final Function<Document, T> decode;
    private final long maxEntries;
    private final LinkedHashMap<String, Snapshot<T>> recent = new LinkedHashMap<>(64, 0.75f, true);
    private long held;

    /** What was decoded up to and including chunk {@code lastChunk}, which then held {@code lastChunkSize} entries. */
    private record Snapshot<T>(int lastChunk, int lastChunkSize, long lastPosition, List<T> entries) {
    }

    public DecodedLogCache(MongoDatabase db, String collection, Function<Document, T> decode, long maxEntries) {
        this.chunks = db.getCollection(collection);
        this.decode = decode;
        this.maxEntries = maxEntries;
    }

    /** The key's entries as stored now, decoded; an unmodifiable list. */
    public List<T> read(String key) {
        Snapshot<T> known;
        synchronized (this) {
            known = recent.get(key);
        }
        Snapshot<T> now = known == null ? load(key) : refresh(key, known);
        if (now != known) {
            remember(key, now);
        }
        return now.entries();
    }

    /** The key's whole log, each chunk decoded as soon as it is read, while the next are being read. */
    private Snapshot<T> load(String key) {
        Decoded decoded = new Decoded(List.of(), -1);
        ChunkedLog.forEachChunk(chunks, key, 0, decoded::add);
        return decoded.snapshot();
    }

    private Snapshot<T> refresh(String key, Snapshot<T> known) {
        List<Document> tail = ChunkedLog.readChunks(chunks, key, known.lastChunk());
        if (tail.isEmpty() || tail.get(0).getInteger("n") != known.lastChunk()) {
            return load(key);
        }
        Document first = tail.get(0);
        int size = first.getList("entries", Document.class).size();
        if (size < known.lastChunkSize()) {
            return load(key);
        }
        if (tail.size() == 1 && size == known.lastChunkSize() && position(first) == known.lastPosition()) {
            return known;
        }
        Decoded decoded = new Decoded(known.entries().subList(0, known.entries().size() - known.lastChunkSize()), known.lastChunk());
        tail.forEach(decoded::add);
        return decoded.snapshot();
    }

    /** Entries decoded so far: those before, then each chunk's as it is added. */
    private final class Decoded {
        final List<T> entries;
        int lastChunk;
        int lastSize;
        long lastPosition = -1;

        Decoded(List<T> before, int fallbackChunk) {
            this.entries = new ArrayList<>(before);
            this.lastChunk = fallbackChunk;
        }

        void add(Document chunk) {
            List<Document> raw = chunk.getList("entries", Document.class);
            raw.forEach(d -> entries.add(decode.apply(d)));
            lastChunk = chunk.getInteger("n");
            lastSize = raw.size();
            lastPosition = position(chunk);
        }

        Snapshot<T> snapshot() {
            return new Snapshot<>(lastChunk, lastSize, lastPosition, Collections.unmodifiableList(entries));
        }
    }

    private static long position(Document chunk) {
        Object p = chunk.get("lastPosition");
        return p == null ? -1 : ((Number) p).longValue();
    }

    private synchronized void remember(String key, Snapshot<T> snapshot) {
        Snapshot<T> old = recent.put(key, snapshot);
        held += snapshot.entries().size() - (old == null ? 0 : old.entries().size());
        var it = recent.entrySet().iterator();
        while (held > maxEntries && it.hasNext()) {
            Map.Entry<String, Snapshot<T>> eldest = it.next();
            if (eldest.getKey().equals(key) && recent.size() == 1) {
                break;
            }
            held -= eldest.getValue().entries().size();
            it.remove();
        }
    }

    /**
     * The key's entries as last read, without asking the store; empty when none are held. A true
     * prefix of the log as stored now (logs only grow at their end), not necessarily all of it.
     */
    public synchronized java.util.Optional<List<T>> held(String key) {
        Snapshot<T> known = recent.get(key);
        return known == null ? java.util.Optional.empty() : java.util.Optional.of(known.entries());
    }

    /** Whether a log of this many entries, read now, would be held without dropping another. */
    public synchronized boolean hasRoomFor(long entries) {
        return held + entries <= maxEntries;
    }

    /** Forgets everything (a reset of the read model). */
    public synchronized void clear() {
        recent.clear();
        held = 0;
    }
}
