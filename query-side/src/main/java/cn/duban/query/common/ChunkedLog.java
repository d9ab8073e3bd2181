package cn.duban.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * An append-only list per key (a unit's facts, a unit's timeline) kept as numbered chunks of a
 * few dozen entries. Appending rewrites only the last small chunk, so a year of events costs
 * linear time; reading is {@code _id $in} the chunk ids, which both the embedded server and
 * MongoDB answer from the primary index.
 *
 * <p>Appends are buffered until {@link #flush()} (the end of the processor's batch) so that many
 * events of one key cost one write. Reads see the buffer too.
 *
 * <p>Idempotent: an entry carries its event's position and id, and one already appended (a
 * redelivery after a crash, or a replay racing a restart) is ignored.
 */
public final class ChunkedLog {
    private static final int CHUNK = 32;
    private static final int PROBE = 64;

    private final MongoCollection<Document> chunks;
    private final Map<String, Tail> tails = new ConcurrentHashMap<>();

    public ChunkedLog(MongoDatabase db, String collection) {
        this.chunks = db.getCollection(collection);
    }

    /** Where a key's log ends: the last chunk, its size, and the events already in it at its last position. */
    private static final class Tail {
        int chunk = 0;
        int size = 0;
        long lastPosition = -1;
        Set<String> idsAtLastPosition = new HashSet<>();
    }

    /** An entry waiting for the end of the batch, with the chunk it goes into and whether it is that chunk's first entry. */
    private record Pending(int chunk, boolean startsChunk, Document entry, long position, List<String> idsAtLastPosition) {
    }

    private final Map<String, List<Pending>> pending = new java.util.LinkedHashMap<>();

    /** Appends unless this event is already there; true when appended. Written at {@link #flush()}. */
    public boolean append(String key, long position, String eventId, Document entry) {
        return appendAt(key, position, eventId, entry) >= 0;
    }

    /** As {@link #append}, answering the entry's index in the key's log, or -1 when the event was already there. */
    public int appendAt(String key, long position, String eventId, Document entry) {
        Tail tail = tails.computeIfAbsent(key, this::loadTail);
        if (position < tail.lastPosition || (position == tail.lastPosition && tail.idsAtLastPosition.contains(eventId))) {
            return -1;
        }
        int chunk = tail.size >= CHUNK ? tail.chunk + 1 : tail.chunk;
        boolean startsChunk = chunk != tail.chunk || tail.size == 0;
        Set<String> idsAfter = new HashSet<>(position == tail.lastPosition ? tail.idsAtLastPosition : Set.of());
        idsAfter.add(eventId);
        pending.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Pending(chunk, startsChunk, entry, position, idsAfter.stream().sorted().toList()));
        if (chunk != tail.chunk) {
            tail.chunk = chunk;
            tail.size = 0;
        }
        tail.size++;
        tail.lastPosition = position;
        tail.idsAtLastPosition = idsAfter;
        return tail.chunk * CHUNK + tail.size - 1;
    }

    /**
     * Writes what was appended since the last flush: first the entries pushed onto the chunks that
     * keys' logs ended in, then the chunks begun in this batch, each whole. Two requests to the store
     * however many keys the batch holds: the driver sends a bulk write's runs of one kind of write as
     * one request each, and the order key by key (continued chunk, then new ones) made one run each,
     * two requests a key. A rebuild at 100k made 8,300 such requests for the fact logs and timelines
     * (issue 14). Continued chunks first, so a reader meanwhile finds each log whole up to some entry:
     * its last chunk longer, the next ones not yet there, as when the writes went key by key.
     * (Before the writes were buffered at all, a rebuild's batch of 500 events cost a round trip and a
     * read of the chunk per key and chunk.)
     */
    public void flush() {
        List<WriteModel<Document>> continued = new ArrayList<>();
        List<WriteModel<Document>> begun = new ArrayList<>();
        for (Map.Entry<String, List<Pending>> e : pending.entrySet()) {
            String key = e.getKey();
            List<Pending> entries = e.getValue();
            int from = 0;
            while (from < entries.size()) {
                int chunk = entries.get(from).chunk();
                int to = from;
                while (to < entries.size() && entries.get(to).chunk() == chunk) {
                    to++;
                }
                List<Pending> part = entries.subList(from, to);
                Pending last = part.get(part.size() - 1);
                List<Document> added = part.stream().map(Pending::entry).toList();
                if (part.get(0).startsChunk()) {
                    begun.add(new InsertOneModel<>(new Document("_id", chunkId(key, chunk)).append("key", key).append("n", chunk)
                            .append("entries", new ArrayList<>(added)).append("lastPosition", last.position())
                            .append("idsAtLastPosition", last.idsAtLastPosition())));
                } else {
                    continued.add(new UpdateOneModel<>(Filters.eq("_id", chunkId(key, chunk)),
                            Updates.combine(Updates.set("key", key), Updates.set("n", chunk), Updates.pushEach("entries", added),
                                    Updates.set("lastPosition", last.position()),
                                    Updates.set("idsAtLastPosition", last.idsAtLastPosition())),
                            new UpdateOptions().upsert(true)));
                }
                from = to;
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>(continued);
        writes.addAll(begun);
        if (!writes.isEmpty()) {
            chunks.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        pending.clear();
    }

    /** Forgets what is buffered and every cached tail: the store is the truth again. */
    public void discard() {
        pending.clear();
        tails.clear();
    }

    /** What is stored for the key, followed by what is buffered for it. */
    public List<Document> read(String key) {
        List<Document> out = new ArrayList<>();
        forEach(key, out::add);
        return out;
    }

    /**
     * Each entry stored for the key, then each buffered, in order: a long log's next chunks are read
     * while the caller handles the last ones ({@link #forEachChunk}).
     */
    public void forEach(String key, Consumer<Document> entry) {
        forEach(key, 0, entry);
    }

    /** As {@link #forEach(String, Consumer)}, from the chunk numbered {@code firstChunk} ({@link #chunkHolding}) on. */
    public void forEach(String key, int firstChunk, Consumer<Document> entry) {
        forEachChunk(chunks, key, firstChunk, chunk -> chunk.getList("entries", Document.class).forEach(entry));
        for (Pending p : pending.getOrDefault(key, List.of())) {
            entry.accept(p.entry());
        }
    }

    /**
     * How many entries are stored for the key, found from its last chunk alone (a dozen point
     * lookups, {@link #lastChunk}), with what is buffered for it.
     */
    public int size(String key) {
        Tail tail = loadTail(key);
        return tail.chunk * CHUNK + tail.size + pending.getOrDefault(key, List.of()).size();
    }

    /**
     * The stored entries at these indexes (ascending, each below {@link #size}), reading only the
     * chunks that hold them: a thousand points of a 125,000-point timeline read a quarter of its
     * chunks instead of all of them (issue 14). An index past what is stored (the log read while
     * being appended to, or buffered entries) is left out.
     */
    public List<Document> entriesAt(String key, int[] indexes) {
        List<Integer> wanted = IntStream.of(indexes).map(ChunkedLog::chunkHolding).distinct().boxed().toList();
        Map<Integer, List<Document>> byChunk = new java.util.HashMap<>();
        for (int from = 0; from < wanted.size(); from += PROBE) {
            find(chunks, key, wanted.subList(from, Math.min(wanted.size(), from + PROBE)))
                    .forEach(c -> byChunk.put(c.getInteger("n"), c.getList("entries", Document.class)));
        }
        List<Document> out = new ArrayList<>(indexes.length);
        for (int index : indexes) {
            List<Document> entries = byChunk.get(chunkHolding(index));
            if (entries != null && index % CHUNK < entries.size()) {
                out.add(entries.get(index % CHUNK));
            }
        }
        return out;
    }

    /**
     * Each stored entry of the key at an index from {@code from} up to {@code to} (exclusive), in
     * order, reading only the chunks that hold them, {@value #PROBE} to a read: a stretch of a long
     * log without the log. Stops early where the stored log does; {@code to} of
     * {@link Integer#MAX_VALUE} reads to its end.
     */
    public void forEachBetween(String key, int from, int to, Consumer<Document> entry) {
        if (from >= to) {
            return;
        }
        if (to == Integer.MAX_VALUE) {
            // To the end: the next chunks read ahead while these are handled, as a whole log is.
            forEachChunk(chunks, key, chunkHolding(from), chunk -> {
                int n = chunk.getInteger("n");
                List<Document> entries = chunk.getList("entries", Document.class);
                for (int j = Math.max(0, from - n * CHUNK); j < entries.size(); j++) {
                    entry.accept(entries.get(j));
                }
            });
            return;
        }
        int last = chunkHolding(to - 1);
        for (int first = chunkHolding(from); first <= last; first += PROBE) {
            List<Document> found = find(chunks, key, IntStream.rangeClosed(first, Math.min(last, first + PROBE - 1)).boxed().toList());
            found.sort(Comparator.comparingInt(d -> d.getInteger("n")));
            for (Document chunk : found) {
                int n = chunk.getInteger("n");
                List<Document> entries = chunk.getList("entries", Document.class);
                for (int j = 0; j < entries.size(); j++) {
                    int index = n * CHUNK + j;
                    if (index >= from && index < to) {
                        entry.accept(entries.get(j));
                    }
                }
                if (entries.size() < CHUNK) {
                    return; // the last chunk
                }
            }
            if (found.size() < Math.min(last, first + PROBE - 1) - first + 1) {
                return;
            }
        }
    }

    /**
     * The key's stored entry of this event at this position, if there is one: the first chunk whose
     * last position is not before it is found by halving (the log is in position order, as
     * {@link #append} keeps it), and read on while its entries are not past the position. About
     * sixteen point reads for a log of 3,900 chunks, not the log.
     */
    public java.util.Optional<Document> entryAt(String key, long position, String eventId) {
        Document last = lastChunk(key);
        if (last == null) {
            return java.util.Optional.empty();
        }
        int lastNumber = last.getInteger("n");
        for (int n = firstChunkReaching(key, position, lastNumber); n <= lastNumber; n++) {
            Document chunk = n == lastNumber ? last : chunks.find(Filters.eq("_id", chunkId(key, n))).first();
            for (Document entry : chunk == null ? List.<Document>of() : chunk.getList("entries", Document.class)) {
                long at = ((Number) entry.get("position")).longValue();
                if (at > position) {
                    return java.util.Optional.empty();
                }
                if (at == position && eventId.equals(entry.getString("eventId"))) {
                    return java.util.Optional.of(entry);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * How many stored entries of the key lie before this position: the chunk that reaches it found by
     * halving, then its entries counted (an audit trail opened at a day, not read up to it).
     */
    public int countBefore(String key, long position) {
        Document last = lastChunk(key);
        if (last == null) {
            return 0;
        }
        int lastNumber = last.getInteger("n");
        int n = firstChunkReaching(key, position, lastNumber);
        Document chunk = n == lastNumber ? last : chunks.find(Filters.eq("_id", chunkId(key, n))).first();
        int before = 0;
        for (Document entry : chunk == null ? List.<Document>of() : chunk.getList("entries", Document.class)) {
            if (((Number) entry.get("position")).longValue() >= position) {
                break;
            }
            before++;
        }
        return n * CHUNK + before;
    }

    /**
     * The first chunk whose last position is not before {@code position}, or the last chunk when none
     * is: found by halving, one point read of a chunk's last position each (the log is in position
     * order, as {@link #append} keeps it).
     */
    private int firstChunkReaching(String key, long position, int lastNumber) {
        int low = 0;
        int high = lastNumber;
        while (low < high) {
            int middle = (low + high) >>> 1;
            Document chunk = chunks.find(Filters.eq("_id", chunkId(key, middle))).projection(new Document("lastPosition", 1)).first();
            if (chunk == null) {
                throw new IllegalStateException("chunk " + middle + " of " + key + " missing below its last, " + lastNumber);
            }
            if (((Number) chunk.get("lastPosition")).longValue() < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The number of the chunk that holds a key's entry at this index: every chunk but the last is full, and always was. */
    public static int chunkHolding(int index) {
        return index / CHUNK;
    }

    /** The key's chunks numbered {@code first} and after, in order. */
    static List<Document> readChunks(MongoCollection<Document> chunks, String key, int first) {
        List<Document> all = new ArrayList<>();
        forEachChunk(chunks, key, first, all::add);
        return all;
    }

    /**
     * Hands the key's chunks numbered {@code first} and after to {@code each}, in order. The first
     * {@value #PROBE} are read on the caller's thread; when there are more, each next batch is read
     * on {@link #READ_AHEAD} while the caller handles the one before. A unit's whole log is read this
     * way when a projection or a reader first meets it after a start (issue 14: 125,000 facts at a
     * million events), and the store's work, the driver's decoding and the caller's then overlap.
     */
    static void forEachChunk(MongoCollection<Document> chunks, String key, int first, Consumer<Document> each) {
        List<Document> batch = probe(chunks, key, first);
        Future<List<Document>> next = null;
        try {
            for (int from = first; ; from += PROBE) {
                int after = from + PROBE;
                next = batch.size() < PROBE ? null : READ_AHEAD.submit(() -> probe(chunks, key, after));
                batch.forEach(each);
                if (next == null) {
                    return;
                }
                batch = next.get();
                next = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + key, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("Could not read " + key, e.getCause());
        } finally {
            if (next != null) {
                next.cancel(true);
            }
        }
    }

    /** The key's chunks numbered {@code from} to {@code from + PROBE - 1} that exist, in order. */
    private static List<Document> probe(MongoCollection<Document> chunks, String key, int from) {
        List<Document> found = find(chunks, key, IntStream.range(from, from + PROBE).boxed().toList());
        found.sort(Comparator.comparingInt(d -> d.getInteger("n")));
        return found;
    }

    /** The key's chunks of these numbers that exist, in no particular order: one {@code _id $in} read. */
    private static List<Document> find(MongoCollection<Document> chunks, String key, List<Integer> numbers) {
        List<String> ids = numbers.stream().map(n -> chunkId(key, n)).toList();
        return chunks.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    /** Threads that read a long log's next chunks; gone after a few idle seconds. */
    private static final ThreadPoolExecutor READ_AHEAD = readAheadThreads();

    private static ThreadPoolExecutor readAheadThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "log-read-ahead");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * The key's tail from its last chunk alone, found by {@link #lastChunk}, instead of reading the
     * whole log at the first append after a start (issue 14: the admin's audit trail took seconds).
     */
    private Tail loadTail(String key) {
        Tail tail = new Tail();
        Document last = lastChunk(key);
        if (last != null) {
            tail.chunk = last.getInteger("n");
            tail.size = last.getList("entries", Document.class).size();
            tail.lastPosition = ((Number) last.get("lastPosition")).longValue();
            tail.idsAtLastPosition = new HashSet<>(last.getList("idsAtLastPosition", String.class));
        }
        return tail;
    }

    /** The key's last chunk, or null when it has none: four reads for a log of 125,000 entries (3,900 chunks). */
    Document lastChunk(String key) {
        int last = lastPresent(numbers -> {
            Set<Integer> found = new HashSet<>();
            chunks.find(Filters.in("_id", numbers.stream().map(n -> chunkId(key, n)).toList()))
                    .projection(new Document("n", 1).append("_id", 0))
                    .forEach(d -> found.add(d.getInteger("n")));
            return found;
        });
        return last < 0 ? null : chunks.find(Filters.eq("_id", chunkId(key, last))).first();
    }

    /**
     * The highest number for which {@code present} says a chunk exists, or -1 when none does. Chunks
     * are numbered 0, 1, 2… without gaps, so a number is present exactly when it is at most the
     * last. Each call asks about up to {@value #PROBE} numbers in one read: first 0 and every power
     * of two, then numbers spread evenly between the highest present and the lowest absent one.
     * Asking one number at a time took about 26 reads for the busiest unit's log at a million events,
     * a sixth of a second when the first command after a start waited for them twice (issue 14).
     */
    static int lastPresent(Function<List<Integer>, Set<Integer>> present) {
        List<Integer> ask = new ArrayList<>(List.of(0));
        for (int power = 1; power > 0; power <<= 1) {
            ask.add(power);
        }
        int below = -1;
        int above = Integer.MAX_VALUE;
        while (true) {
            Set<Integer> found = present.apply(ask);
            for (int n : ask) {
                if (found.contains(n)) {
                    below = Math.max(below, n);
                } else if (n > below) {
                    above = Math.min(above, n);
                }
            }
            if (below < 0 || above - below <= 1) {
                return below;
            }
            long gap = (long) above - below - 1;
            int step = (int) ((gap + PROBE + 1) / (PROBE + 1)); // the numbers asked and the one above split the gap into parts of at most step - 1
            ask = new ArrayList<>();
            for (long n = below + step; n < above && ask.size() < PROBE; n += step) {
                ask.add((int) n);
            }
        }
    }

    /** Forgets cached tails, after a handler failed (the store is the truth) or on reset. */
    public void forget(String key) {
        tails.remove(key);
    }

    public void reset() {
        pending.clear();
        tails.clear();
        chunks.drop();
    }

    static String chunkId(String key, int n) {
        return key + "#" + n;
    }
}
