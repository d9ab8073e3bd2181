package cn.duban.platform.eventstore;

import cn.duban.platform.mongo.DurabilityBarrier;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon event storage on MongoDB with one strict global order and one position per event, in the
 * manner of Axon's JDBC engine rather than its Mongo one (which tracks by client timestamps with a
 * look-back window).
 *
 * <p><b>Layout.</b> All events of one {@code appendEvents} call (a unit of work) are one
 * <em>commit</em> document in {@code events}: a single document is the only atomic write a server
 * without transactions offers, so a reader sees all of a commit or none of it. The commit covers
 * the positions {@code first .. _id}: its {@code _id} is the position of its <em>last</em> event and
 * each event has its own position, {@code first + i}, which is its tracking token. Keying a commit by
 * its last position lets a forward read of positions find a commit that a token ends inside.
 * {@code streamKey} lists "aggregate#sequence" of every event under a unique index: a second writer of
 * the same sequence number collides (E11000, {@code ConcurrencyException}). {@code events.eventId} is
 * unique too. A legacy commit (no {@code first}) holds one event at position {@code _id}.
 *
 * <p><b>Reads answer from an index on both servers.</b> The embedded server uses an index only for
 * equality or {@code $in} on a unique index, so tracking reads are {@code _id $in} a window of
 * positions plus the token's gaps, and an aggregate's stream is {@code streamKey $in} its next
 * sequence numbers. Finding the next stored commit beyond an empty window is a forward probe of
 * growing {@code $in} windows up to the highest reserved position, also indexed.
 *
 * <p><b>Positions.</b> With several writers (replica set) a commit reserves its range with an atomic
 * {@code $inc} on a counter, returning the value before (the embedded server was seen to hand one
 * AFTER value to two callers); each such engine first raises the counter above the highest stored
 * position, so a store written before by an exclusive writer leaves no hole. With one exclusive
 * writer (the embedded server, which one JVM owns) positions come from memory, starting after the
 * highest stored position: a crash between reservation and insert leaves nothing to skip, and a
 * failed insert gives its positions back.
 *
 * <p><b>Order, holes and gaps.</b> Appends of one JVM reserve and insert under one lock, so within a
 * process positions appear in order. Another writer can leave a brief hole (reserved, not yet
 * stored). A tracker stops before a hole until the commit after it has been on record for
 * {@code gapTimeout}, then goes on and keeps the hole's positions as gaps of its
 * {@link GapAwareTrackingToken}, so a late commit is still delivered. Gaps age out by count
 * ({@code maxGapOffset} positions behind the token) and by time ({@code gapRetention} after the
 * commit that followed them), so a token stays small. A failed append of a shared-counter writer
 * writes a void marker over its positions; trackers cross runs of void markers of any length in one
 * read, so nothing ever stalls on them.
 *
 * <p><b>Times.</b> Each event keeps its message's own timestamp as given; the commit keeps its
 * recording time ({@code recordedAt}, never going backwards within this engine). Readers get the
 * recording time in the metadata ({@link RecordingTime}). {@link #createTokenAt(Instant)} follows
 * Axon's contract (message timestamps); {@link #createTokenAtRecordingTime(Instant)} is the look-up
 * behind {@code asOf}.
 *
 * <p><b>Durability.</b> {@link DurabilityBarrier#awaitDurable()} runs before an append returns, so an
 * acknowledged command survives a crash.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {
    private static final Logger log = LoggerFactory.getLogger(SequencedMongoEventStorageEngine.class);
    public static final String EVENTS = "events";
    public static final String COUNTERS = "event_counters";
    public static final String SNAPSHOTS = "snapshots";
    private static final String COUNTER_ID = "events";
    /** How many sequence numbers one aggregate-stream look-up asks for at once. */
    private static final int STREAM_WINDOW = 64;
    /** The largest {@code $in} list of one forward probe over empty positions. */
    private static final int MAX_PROBE = 4096;
    private static final int SEQUENCE_CACHE = 20_000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final DurabilityBarrier durability;
    private volatile Runnable eventsStored = () -> { };
    private final Clock clock;
    private final Duration gapTimeout;
    private final Duration gapRetention;
    private final int maxGapOffset;
    private final boolean exclusiveWriter;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AtomicLong lastCommitted = new AtomicLong(-1);
    /** Exclusive writer: the next position to hand out, -1 until read from the store. */
    private volatile long nextPosition = -1;
    private boolean counterRaised;
    private Instant lastRecordedAt = Instant.EPOCH;
    /** When each gap's hole was passed (the recording time of the commit after it), for aging gaps out. */
    private final ConcurrentSkipListMap<Long, Instant> gapBorn = new ConcurrentSkipListMap<>();
    /** The last sequence number known per aggregate, so a commit is checked to continue its stream without a read. */
    private final Map<String, Long> lastSequences = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > SEQUENCE_CACHE;
        }
    };

    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.events = db.getCollection(EVENTS);
        this.counters = db.getCollection(COUNTERS);
        this.snapshots = db.getCollection(SNAPSHOTS);
        this.durability = builder.durability;
        this.clock = builder.clock;
        this.gapTimeout = builder.gapTimeout;
        this.gapRetention = builder.gapRetention;
        this.maxGapOffset = builder.maxGapOffset;
        this.exclusiveWriter = builder.exclusiveWriter;
        // The index keeps its old name: legacy commits hold one key as a string, new ones a list.
        events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true).name("stream_key_unique"));
        // Axon's contract: a second event with an identifier already stored is refused. It is the one
        // index more than the layout before, and costs appends on the embedded server (README).
        events.createIndex(Indexes.ascending("events.eventId"), new IndexOptions().unique(true).name("event_id_unique"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The highest position this engine committed, or -1. */
    public long lastCommittedPosition() {
        return lastCommitted.get();
    }

    /** The highest position stored (the last event of the newest commit or void marker), or -1 when empty. */
    public long headPosition() {
        if (exclusiveWriter) {
            return initAllocator() - 1;
        }
        long bound = reservedBound();
        for (long top = bound; top >= 0 && bound - top < 4 * MAX_PROBE; top -= STREAM_WINDOW) {
            long highest = -1;
            for (Document d : events.find(Filters.in("_id", range(Math.max(0, top - STREAM_WINDOW + 1), top + 1)))
                    .projection(new Document("_id", 1))) {
                highest = Math.max(highest, longOf(d, "_id"));
            }
            if (highest >= 0) {
                return highest;
            }
        }
        return highestStored();
    }

    // --- appending ----------------------------------------------------------------------------

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        checkStreams(messages);
        // One aggregate's events (nearly every commit) keep the aggregate on the commit, not on each event.
        DomainEventMessage<?> single = oneAggregate(messages);
        List<Document> eventDocs = new ArrayList<>(messages.size());
        List<String> keys = new ArrayList<>(messages.size());
        for (EventMessage<?> m : messages) {
            SerializedObject<String> payload = m.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = m.serializeMetaData(serializer, String.class);
            Document d = new Document("eventId", m.getIdentifier());
            if (m instanceof DomainEventMessage<?> e) {
                if (single == null) {
                    d.append("aggregateType", e.getType()).append("aggregateId", e.getAggregateIdentifier());
                }
                d.append("seq", e.getSequenceNumber());
                keys.add(streamKey(e.getAggregateIdentifier(), e.getSequenceNumber()));
            }
            // A BSON date: Axon keeps message timestamps to the millisecond, and createTokenAt compares them.
            d.append("timestamp", Date.from(m.getTimestamp()))
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision());
            putJson(d, "payload", payload.getData());
            putJson(d, "metaData", metaData.getData());
            eventDocs.add(d);
        }
        if (keys.isEmpty()) {
            // Unique index: a commit needs a key of its own even when no event belongs to an aggregate.
            keys.add("~event#" + messages.get(0).getIdentifier());
        }
        Document doc = new Document("streamKey", keys.size() == 1 ? keys.get(0) : keys);
        if (single != null) {
            doc.append("aggregateType", single.getType()).append("aggregateId", single.getAggregateIdentifier());
        }
        doc.append("events", eventDocs);
        int n = messages.size();
        appendLock.lock();
        try {
            long first = reserve(n);
            long last = first + n - 1;
            Instant recordedAt = nextRecordedAt();
            doc.put("_id", last);
            doc.put("first", first);
            doc.put("recordedAt", Date.from(recordedAt));
            try {
                events.insertOne(doc);
            } catch (MongoException e) {
                giveBack(first, last, recordedAt, e);
                handlePersistenceException(e, culprit(messages, e));
                throw e;
            }
            if (exclusiveWriter) {
                nextPosition = last + 1;
            }
            lastCommitted.set(last);
            rememberSequences(messages);
        } finally {
            appendLock.unlock();
        }
        eventsStored.run();
        durability.awaitDurable();
    }

    /**
     * Runs {@code whenStored} each time an append has stored its events, before it waits for them to
     * be durable: the event store wakes its readers then ({@code EarlyReadingEventStore}), so that the
     * processors handle the events while the commit is being written rather than after it. The
     * commit is a consistent cut (see {@code OrderedIndexH2Backend}) and the events were stored before
     * any processor read them, so a commit that holds a processor's writes or token holds the events
     * too: a crash loses both or neither. What leaves the process (a webhook) waits for durability
     * itself.
     */
    public void whenEventsStored(Runnable whenStored) {
        this.eventsStored = whenStored;
    }

    /** The one aggregate all events belong to, or null when some belong to another or to none. */
    private static DomainEventMessage<?> oneAggregate(List<? extends EventMessage<?>> messages) {
        if (!(messages.get(0) instanceof DomainEventMessage<?> first)) {
            return null;
        }
        for (EventMessage<?> m : messages) {
            if (!(m instanceof DomainEventMessage<?> e) || !first.getAggregateIdentifier().equals(e.getAggregateIdentifier())
                    || !java.util.Objects.equals(first.getType(), e.getType())) {
                return null;
            }
        }
        return first;
    }

    /**
     * Each aggregate's events in one commit must continue its stream: contiguous sequence numbers,
     * the first one the aggregate's next. Duplicates and skips fail as a concurrency conflict (Axon's
     * {@code AggregateStreamCreationException} when the clash is on sequence 0), and so does a
     * repeated event identifier; the unique indexes catch the same between commits.
     */
    private void checkStreams(List<? extends EventMessage<?>> messages) {
        Map<String, Long> expected = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (EventMessage<?> m : messages) {
            if (!ids.add(m.getIdentifier())) {
                throw conflict(m, "event identifier " + m.getIdentifier() + " appears twice in one commit");
            }
            if (!(m instanceof DomainEventMessage<?> e)) {
                continue;
            }
            Long next = expected.get(e.getAggregateIdentifier());
            if (next != null && e.getSequenceNumber() != next) {
                throw conflict(e, "sequence " + e.getSequenceNumber() + " of " + e.getAggregateIdentifier() + " where " + next + " was due");
            }
            if (next == null && e.getSequenceNumber() > 0 && !continuesStream(e.getAggregateIdentifier(), e.getSequenceNumber())) {
                throw conflict(e, "sequence " + e.getSequenceNumber() + " of " + e.getAggregateIdentifier() + " does not follow its stored events");
            }
            expected.put(e.getAggregateIdentifier(), e.getSequenceNumber() + 1);
        }
    }

    private boolean continuesStream(String aggregateId, long sequence) {
        Long known;
        synchronized (lastSequences) {
            known = lastSequences.get(aggregateId);
        }
        if (known != null && known >= sequence - 1) {
            return true; // the predecessor exists; a clash on `sequence` itself is the unique index's to find
        }
        return events.find(Filters.eq("streamKey", streamKey(aggregateId, sequence - 1))).projection(new Document("_id", 1)).first() != null;
    }

    private void rememberSequences(List<? extends EventMessage<?>> messages) {
        synchronized (lastSequences) {
            for (EventMessage<?> m : messages) {
                if (m instanceof DomainEventMessage<?> e) {
                    lastSequences.merge(e.getAggregateIdentifier(), e.getSequenceNumber(), Math::max);
                }
            }
        }
    }

    /** The event whose key the store refused (its message names the duplicate key), else the first. */
    private static EventMessage<?> culprit(List<? extends EventMessage<?>> messages, MongoException failure) {
        String text = String.valueOf(failure.getMessage());
        for (EventMessage<?> m : messages) {
            if (text.contains('"' + m.getIdentifier() + '"')
                    || (m instanceof DomainEventMessage<?> e && text.contains('"' + streamKey(e.getAggregateIdentifier(), e.getSequenceNumber()) + '"'))) {
                return m;
            }
        }
        return messages.get(0);
    }

    private static RuntimeException conflict(EventMessage<?> failed, String why) {
        if (failed instanceof DomainEventMessage<?> e && e.getSequenceNumber() == 0) {
            return new AggregateStreamCreationException("Cannot reuse aggregate identifier [" + e.getAggregateIdentifier() + "]: " + why);
        }
        return new ConcurrencyException("Concurrent or invalid append: " + why);
    }

    /** First position of a range of {@code n}, under the append lock. */
    private long reserve(int n) {
        if (exclusiveWriter) {
            return initAllocator();
        }
        if (!counterRaised) {
            // Past every stored position (a store an exclusive writer kept); idempotent and safe beside other writers.
            counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.max("next", highestStored() + 1),
                    new UpdateOptions().upsert(true));
            counterRaised = true;
        }
        Document before = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc("next", (long) n),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 0 : ((Number) before.get("next")).longValue();
    }

    /**
     * A failed insert. An exclusive writer takes the positions back when the store certainly refused the
     * commit (a duplicate key); after any other error it reads the head again. A shared-counter writer
     * cannot give positions back, so it marks them void for trackers.
     */
    private void giveBack(long first, long last, Instant at, MongoException failure) {
        if (exclusiveWriter) {
            if (!MongoDuplicateKeys.isDuplicateKey(failure)) {
                nextPosition = -1;
            }
            return;
        }
        try {
            events.insertOne(new Document("_id", last).append("first", first).append("streamKey", List.of("~void#" + last))
                    .append("void", true).append("recordedAt", Date.from(at)).append("events", List.of()));
        } catch (MongoException e) {
            // Trackers then wait out gapTimeout once at this hole; nothing is lost.
            log.warn("Could not mark failed append at positions {}..{} as void; trackers will wait out the gap", first, last, e);
        }
    }

    /** Exclusive writer: the next free position, read once per start (the newest commit by position). */
    private long initAllocator() {
        long next = nextPosition;
        if (next < 0) {
            appendLock.lock();
            try {
                if (nextPosition < 0) {
                    nextPosition = highestStored() + 1;
                    // A block counter left by an earlier release means nothing to an exclusive writer.
                    counters.deleteOne(Filters.eq("_id", COUNTER_ID));
                }
                next = nextPosition;
            } finally {
                appendLock.unlock();
            }
        }
        return next;
    }

    private long highestStored() {
        Document last = events.find().sort(new Document("_id", -1)).projection(new Document("_id", 1)).limit(1).first();
        return last == null ? -1 : longOf(last, "_id");
    }

    /** The highest position that may hold a commit: reserved so far. */
    private long reservedBound() {
        if (exclusiveWriter) {
            return initAllocator() - 1;
        }
        Document c = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        return c == null ? highestStored() : Math.max(((Number) c.get("next")).longValue() - 1, lastCommitted.get());
    }

    /** Recording times never go backwards within this engine, so asOf and position order agree. */
    private Instant nextRecordedAt() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        lastRecordedAt = now.isAfter(lastRecordedAt) ? now : lastRecordedAt.plus(1, ChronoUnit.MICROS);
        return lastRecordedAt;
    }

    private static void putJson(Document d, String field, String json) {
        if (json.stripLeading().startsWith("{")) {
            String inexact = JsonNumbers.firstInexact(json);
            if (inexact != null) {
                throw new UnstorableEventException(field + " (" + (inexact.length() > 40 ? inexact.substring(0, 40) + "…" : inexact) + ")");
            }
            Document parsed = Document.parse(json);
            requireReadable(parsed, field);
            d.put(field, parsed);
        } else {
            d.put(field + "Json", json);
        }
    }

    /**
     * Nothing unreadable or altered is ever stored: a number BSON cannot keep exactly (see
     * {@link JsonNumbers}; JSON's 1e400 would become Infinity and never be read back, poisoning the
     * aggregate and every rebuild) fails the append before anything is written.
     */
    private static void requireReadable(Object value, String path) {
        if (value instanceof Double x && (x.isNaN() || x.isInfinite())) {
            throw new UnstorableEventException(path);
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> requireReadable(v, path + "." + k));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireReadable(list.get(i), path + "[" + i + "]");
            }
        }
    }

    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    // --- reading commits -----------------------------------------------------------------------

    /** A commit as read back: the positions it covers, when it was recorded, its events (none if void). */
    record Commit(long first, long last, Instant recordedAt, List<StoredEvent> events) {
        static Commit of(Document d) {
            long id = longOf(d, "_id");
            List<Document> docs = d.getList("events", Document.class, List.of());
            boolean legacy = !d.containsKey("first");
            long first = legacy ? id : longOf(d, "first");
            Date recorded = d.getDate("recordedAt");
            Instant recordedAt = recorded == null ? Instant.EPOCH : recorded.toInstant();
            List<StoredEvent> out = new ArrayList<>(docs.size());
            for (int i = 0; i < docs.size(); i++) {
                Document e = docs.get(i);
                String aggregateId = e.containsKey("aggregateId") ? e.getString("aggregateId") : d.getString("aggregateId");
                String type = e.containsKey("aggregateId") ? e.getString("aggregateType") : d.getString("aggregateType");
                Object seq = e.get("seq");
                Object ts = e.get("timestamp");
                out.add(new StoredEvent(legacy ? id : first + i, e.getString("eventId"), type, aggregateId,
                        seq == null ? null : ((Number) seq).longValue(), e.getString("payloadType"), e.getString("payloadRevision"),
                        e.get("payload", Document.class), e.getString("payloadJson"), e.get("metaData", Document.class),
                        e.getString("metaDataJson"), ts instanceof Date date ? date.toInstant() : ts == null ? recordedAt : Instant.parse(ts.toString()),
                        recordedAt));
            }
            return new Commit(first, id, recordedAt, out);
        }
    }

    private TreeMap<Long, Commit> commitsAt(Collection<Long> ids) {
        TreeMap<Long, Commit> found = new TreeMap<>();
        if (!ids.isEmpty()) {
            for (Document d : events.find(Filters.in("_id", ids))) {
                Commit c = Commit.of(d);
                found.put(c.last(), c);
            }
        }
        return found;
    }

    /**
     * The stored commit or void marker with the smallest last position at or after {@code from}, up
     * to {@code bound}: growing windows of {@code _id $in}, each answered from the index.
     */
    private Optional<Commit> nextCommitFrom(long from, long bound) {
        AtomicReference<Commit> first = new AtomicReference<>();
        walkCommits(from, bound, commit -> {
            first.set(commit);
            return false;
        });
        return Optional.ofNullable(first.get());
    }

    /**
     * Hands {@code visit} the stored commits and void markers whose last position lies from
     * {@code from} to {@code bound}, in position order, until it answers false. Windows of positions
     * are read by the index ({@code _id $in}), each one's commits all used: until stop 58 only the
     * first commit of each 64-position window was, and the window was read again from the position
     * after it, so a store of one-event commits (what commands append) had every commit decoded up to
     * 64 times. A window doubles, up to {@link #MAX_PROBE}, while it finds nothing (a run of holes or
     * of positions inside long commits), and stays as it is while it finds commits.
     */
    private void walkCommits(long from, long bound, Predicate<Commit> visit) {
        long start = from;
        int step = STREAM_WINDOW;
        while (start <= bound) {
            long end = Math.min(bound + 1, start + step);
            TreeMap<Long, Commit> found = commitsAt(range(start, end));
            for (Commit commit : found.values()) {
                if (!visit.test(commit)) {
                    return;
                }
            }
            start = end;
            if (found.isEmpty()) {
                step = Math.min(MAX_PROBE, step * 2);
            }
        }
    }

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().toList();
    }

    /**
     * The positions of a reader's window that may hold a commit. The only writer knows that nothing
     * lies beyond the positions it reserved, so a window is cut there: a caught-up processor asked
     * for its whole batch's width (2,000 positions) at every event, and sorting and looking up those
     * positions on the embedded server was 7 % of the process's samples during 4-client commands
     * (issue 14). A commit reserved after the cut is read by the next poll, as if this one came first.
     */
    private List<Long> readable(long from, long toExclusive) {
        return range(from, exclusiveWriter ? Math.min(toExclusive, initAllocator()) : toExclusive);
    }

    /**
     * The stored event at a position, as an auditor reads it; empty for a hole or a void marker. A
     * commit is stored under its last position, and most hold one event (a command's): the position
     * is looked up alone first, and a window read only for a position inside a longer commit. Read by
     * window alone, each look-up decoded up to 64 one-event commits to use one (a unit's archive
     * reads every fact's event so).
     */
    public Optional<StoredEvent> eventAt(long position) {
        return Optional.ofNullable(commitsAt(List.of(position)).get(position))
                // No commit ends at the position: the one holding it ends after it.
                .or(() -> nextCommitFrom(position + 1, reservedBound()))
                .filter(c -> c.first() <= position)
                .flatMap(c -> c.events().stream().filter(e -> e.position() == position).findFirst());
    }

    /** The stored event of this id, found by the index on event ids; empty when there is none. */
    public Optional<StoredEvent> eventById(String eventId) {
        Document commit = events.find(Filters.eq("events.eventId", eventId)).first();
        return commit == null ? Optional.empty() : Commit.of(commit).events().stream().filter(e -> eventId.equals(e.eventId())).findFirst();
    }

    /**
     * The stored event of an aggregate at a sequence number, found by the stream index (one look-up);
     * empty when the stream has none there. An auditor reads an act's aggregate's first event to name
     * what the act concerns (the assignment an overdue mark is about).
     */
    public Optional<StoredEvent> eventOf(String aggregateId, long sequence) {
        Document commit = events.find(Filters.eq("streamKey", streamKey(aggregateId, sequence))).first();
        return commit == null ? Optional.empty() : Commit.of(commit).events().stream()
                .filter(e -> aggregateId.equals(e.aggregateId()) && e.sequence() != null && e.sequence() == sequence).findFirst();
    }

    /** Every stored event from a position on, in position order (the archive's export). */
    public void forEachEvent(long fromPosition, Consumer<StoredEvent> action) {
        walkCommits(fromPosition, reservedBound(), commit -> {
            // Only the first commit can begin before the position: the one that holds it.
            commit.events().stream().filter(e -> e.position() >= fromPosition).forEach(action);
            return true;
        });
    }

    /**
     * The stored events of the given payload types whose payload field has the value, in position
     * order. It reads the store directly (no index backs it), for rare questions such as a sampling
     * frame, which must see every committed event rather than a projection that may lag.
     */
    public List<StoredEvent> findEvents(Collection<String> payloadTypes, String payloadField, Object value) {
        List<StoredEvent> out = new ArrayList<>();
        var filter = Filters.and(Filters.in("events.payloadType", payloadTypes), Filters.eq("events.payload." + payloadField, value));
        for (Document d : events.find(filter).sort(new Document("_id", 1))) {
            for (StoredEvent e : Commit.of(d).events()) {
                if (payloadTypes.contains(e.payloadType()) && e.payload() != null && value.equals(e.payload().get(payloadField))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * The stored events whose metadata has the value under the key, in position order: a scan (no
     * index backs it), for the rare question whether a request that died unanswered was recorded.
     */
    public List<StoredEvent> findEventsByMetaData(String key, String value) {
        List<StoredEvent> out = new ArrayList<>();
        for (Document d : events.find(Filters.eq("events.metaData." + key, value)).sort(new Document("_id", 1))) {
            for (StoredEvent e : Commit.of(d).events()) {
                if (e.metaData() != null && value.equals(e.metaData().get(key))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    // --- aggregate streams --------------------------------------------------------------------

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequence, int batchSize) {
        List<DomainEventData<?>> out = new ArrayList<>();
        long next = firstSequence;
        while (out.size() < batchSize) {
            long windowEnd = next + STREAM_WINDOW;
            List<String> keys = LongStream.range(next, windowEnd).mapToObj(s -> streamKey(aggregateId, s)).toList();
            TreeMap<Long, StoredEvent> bySequence = new TreeMap<>();
            for (Document d : events.find(Filters.in("streamKey", keys))) {
                for (StoredEvent e : Commit.of(d).events()) {
                    if (aggregateId.equals(e.aggregateId()) && e.sequence() != null && e.sequence() >= next) {
                        bySequence.put(e.sequence(), e);
                    }
                }
            }
            for (StoredEvent e : bySequence.values()) {
                if (e.sequence() != next) {
                    break; // never the case for a stream written through this engine
                }
                out.add(domainEntry(e));
                next++;
            }
            if (next < windowEnd) {
                if (next > firstSequence || firstSequence == 0) {
                    synchronized (lastSequences) {
                        if (next > 0) {
                            lastSequences.put(aggregateId, next - 1);
                        }
                    }
                }
                break; // the stream ends inside the window looked at
            }
        }
        return out;
    }

    // --- tracking -----------------------------------------------------------------------------

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(-1, List.of())
                : (GapAwareTrackingToken) lastToken;
        List<TrackedEventData<?>> out = new ArrayList<>();
        // Commits that arrived after their hole was passed: late, but never lost.
        if (token.hasGaps()) {
            for (Commit c : commitsAt(token.getGaps()).values()) {
                if (c.first() > token.getIndex()) {
                    continue;
                }
                for (StoredEvent e : c.events()) {
                    if (token.getGaps().contains(e.position())) {
                        token = emit(e, token, out, null);
                    }
                }
                token = withoutGaps(token, c.first(), c.last());
            }
            token = agedOut(token);
        }
        long bound = -2;
        long pos = token.getIndex() + 1;
        long windowEnd = pos + Math.max(batchSize, STREAM_WINDOW);
        Window window = window(pos, windowEnd);
        while (out.size() < batchSize) {
            Map.Entry<Long, Commit> entry = window.commits().ceilingEntry(pos);
            if (entry == null) {
                if (bound == -2) {
                    bound = reservedBound();
                }
                Optional<Commit> beyond = nextCommitFrom(Math.max(pos, windowEnd), bound);
                if (beyond.isEmpty()) {
                    break; // caught up: nothing stored beyond, or only appends still in flight
                }
                Commit c = beyond.get();
                windowEnd = c.last() + 1 + Math.max(batchSize, STREAM_WINDOW);
                window = window(c.last() + 1, windowEnd);
                window.commits().put(c.last(), c);
                continue;
            }
            Commit c = entry.getValue();
            if (c.first() > pos) {
                // A hole: reserved by a writer that has not stored (yet). Keep the order and wait,
                // unless the commit after it has been on record for gapTimeout: then go on, with a gap.
                if (Duration.between(c.recordedAt(), clock.instant()).compareTo(gapTimeout) < 0) {
                    break;
                }
                log.warn("Event positions {}..{} stayed empty for {}; continuing and keeping them as gaps", pos, c.first() - 1, gapTimeout);
                for (long g = pos; g < c.first(); g++) {
                    gapBorn.put(g, c.recordedAt());
                }
                // The token moves onto the commit's first position with the hole as gaps (a token's gaps
                // must lie below its index); that position is this commit's and is handled just below.
                token = GapAwareTrackingToken.newInstance(c.first(), union(token.getGaps(), pos, c.first() - 1));
                pos = c.first();
            }
            if (c.events().isEmpty()) {
                token = withoutGaps(GapAwareTrackingToken.newInstance(Math.max(token.getIndex(), c.last()), token.getGaps()), c.first(), c.last());
            } else {
                for (StoredEvent e : c.events()) {
                    if (e.position() >= pos || token.getGaps().contains(e.position())) {
                        token = emit(e, token, out, window.rendered().get(e));
                    }
                }
            }
            pos = c.last() + 1;
            if (pos >= windowEnd) {
                windowEnd = pos + Math.max(batchSize, STREAM_WINDOW);
                if (out.size() >= batchSize) {
                    break;
                }
                window = window(pos, windowEnd);
            }
        }
        if (out.size() >= batchSize) {
            // A full batch: the reader is behind, and asks for the window from pos next; read it while
            // the reader handles this batch. Asked here, not only at a window's end: a commit longer
            // than a window (a bulk import's) ends its batch inside the next window.
            readAhead(pos, pos + Math.max(batchSize, STREAM_WINDOW));
        }
        return out;
    }

    /** Adds an event with the token that ends at it. A token already at its position (a legacy commit's shared position, or the first after a passed hole) stays. */
    private GapAwareTrackingToken emit(StoredEvent e, GapAwareTrackingToken token, List<TrackedEventData<?>> out, Rendered rendered) {
        GapAwareTrackingToken at = e.position() == token.getIndex() && !token.getGaps().contains(e.position())
                ? token : token.advanceTo(e.position(), maxGapOffset);
        out.add(trackedEntry(e, at, rendered == null ? Rendered.of(e) : rendered));
        return at;
    }

    private static SortedSet<Long> union(SortedSet<Long> gaps, long from, long to) {
        TreeSet<Long> out = new TreeSet<>(gaps);
        LongStream.rangeClosed(from, to).forEach(out::add);
        return out;
    }

    private static GapAwareTrackingToken withoutGaps(GapAwareTrackingToken token, long from, long to) {
        if (!token.hasGaps() || token.getGaps().subSet(from, to + 1).isEmpty()) {
            return token;
        }
        TreeSet<Long> gaps = new TreeSet<>(token.getGaps());
        gaps.subSet(from, to + 1).clear();
        return GapAwareTrackingToken.newInstance(token.getIndex(), gaps);
    }

    /** Drops gaps whose hole was passed more than gapRetention ago: an append that late is taken as dead. */
    private GapAwareTrackingToken agedOut(GapAwareTrackingToken token) {
        Instant now = clock.instant();
        TreeSet<Long> keep = new TreeSet<>();
        for (Long gap : token.getGaps()) {
            Instant born = gapBorn.computeIfAbsent(gap, g -> nextCommitFrom(g + 1, token.getIndex())
                    .map(Commit::recordedAt).orElse(now));
            if (Duration.between(born, now).compareTo(gapRetention) < 0) {
                keep.add(gap);
            } else {
                gapBorn.remove(gap);
            }
        }
        return keep.size() == token.getGaps().size() ? token : GapAwareTrackingToken.newInstance(token.getIndex(), keep);
    }

    private static TrackedEventData<?> trackedEntry(StoredEvent e, TrackingToken token, Rendered text) {
        if (!e.belongsToAggregate()) {
            return new TrackedPlainEntry(token, e, text);
        }
        return new TrackedDomainEventData<>(token, domainEntry(e, text));
    }

    private static GenericDomainEventEntry<String> domainEntry(StoredEvent e) {
        return domainEntry(e, Rendered.of(e));
    }

    private static GenericDomainEventEntry<String> domainEntry(StoredEvent e, Rendered text) {
        return new GenericDomainEventEntry<>(e.aggregateType(), e.aggregateId(), e.sequence(), e.eventId(), e.timestamp(),
                e.payloadType(), e.payloadRevision(), text.payload(), text.metaData());
    }

    /** An event's payload and metadata as the JSON text Axon's serializer reads. */
    private record Rendered(String payload, String metaData) {
        static Rendered of(StoredEvent e) {
            return new Rendered(e.payloadText(), e.metaDataTextWithRecordingTime());
        }
    }

    // --- reading ahead of a reader that is behind ---------------------------------------------

    /**
     * Positions {@code from} (inclusive) to {@code to} (exclusive) as stored, with each event's text
     * when it was read ahead; read ahead, also the commit that runs past {@code to} when one does.
     * {@link #full} windows never change: commits are only ever inserted, and every position of a
     * full window is taken.
     */
    private record Window(long from, long to, TreeMap<Long, Commit> commits, Map<StoredEvent, Rendered> rendered) {
        boolean full() {
            long expected = from;
            for (Commit c : commits.values()) {
                if (c.first() > expected) {
                    return false;
                }
                expected = Math.max(expected, c.last() + 1);
            }
            return expected >= to;
        }
    }

    /**
     * A rebuild's processor used to read a window, wait for it, and only then handle its events
     * while the store sat idle: a fifth of its thread's samples were reading and turning BSON into
     * JSON text (issue 14). A window read ahead is used only if it is full; otherwise (a hole
     * that may have been filled since) it is read again here.
     */
    private Window window(long from, long to) {
        Future<Window> ahead = readingAhead.remove(from);
        if (ahead != null) {
            try {
                Window w = ahead.get();
                if (w.to() == to && w.full()) {
                    windowsReadAheadUsed.incrementAndGet();
                    return w;
                }
            } catch (ExecutionException e) {
                log.warn("Reading events {}..{} ahead failed; reading them again", from, to - 1, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading events", e);
            }
        }
        return new Window(from, to, commitsAt(readable(from, to)), Map.of());
    }

    /** Windows read ahead and not yet asked for; a reader that stopped leaves its window behind, so only a few are kept. */
    private final ConcurrentHashMap<Long, Future<Window>> readingAhead = new ConcurrentHashMap<>();
    private static final int MAX_READ_AHEAD = 4;
    /** One thread, gone after a few idle seconds: read-ahead happens only while a reader is behind. */
    private final ThreadPoolExecutor reader = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "event-read-ahead");
        t.setDaemon(true);
        return t;
    });

    /** How many windows read ahead a reader was handed (the others were read again). */
    private final AtomicLong windowsReadAheadUsed = new AtomicLong();

    long windowsReadAheadUsed() {
        return windowsReadAheadUsed.get();
    }

    /** Where the windows read ahead and not yet asked for begin. */
    Set<Long> readingAheadFrom() {
        return Set.copyOf(readingAhead.keySet());
    }

    private void readAhead(long from, long to) {
        if (readingAhead.size() >= MAX_READ_AHEAD) {
            readingAhead.clear();
        }
        readingAhead.computeIfAbsent(from, f -> reader.submit(() -> {
            TreeMap<Long, Commit> commits = commitsAt(readable(from, to));
            if (commits.isEmpty() || commits.lastKey() < to - 1) {
                // The window's end lies inside a commit that ends after it (one longer than a window):
                // that commit is the reader's next, and is read with the window.
                nextCommitFrom(to, reservedBound()).ifPresent(c -> commits.put(c.last(), c));
            }
            Map<StoredEvent, Rendered> rendered = new IdentityHashMap<>();
            commits.values().forEach(c -> c.events().forEach(e -> rendered.put(e, Rendered.of(e))));
            return new Window(from, to, commits, rendered);
        }));
    }

    /** An event that belongs to no aggregate reads back as a plain event message. */
    private record TrackedPlainEntry(TrackingToken trackingToken, StoredEvent event, Rendered text) implements TrackedEventData<String> {
        @Override
        public String getEventIdentifier() {
            return event.eventId();
        }

        @Override
        public Instant getTimestamp() {
            return event.timestamp();
        }

        @Override
        public SerializedObject<String> getMetaData() {
            return new SerializedMetaData<>(text.metaData(), String.class);
        }

        @Override
        public SerializedObject<String> getPayload() {
            return new SimpleSerializedObject<>(text.payload(), String.class, event.payloadType(), event.payloadRevision());
        }
    }

    private static long longOf(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = headPosition();
        return head < 0 ? null : GapAwareTrackingToken.newInstance(head, List.of());
    }

    /**
     * Axon's contract: the token before the first event (by position) whose own timestamp is at or
     * after {@code at}; the head token when there is none. Message timestamps need not grow with
     * positions, so this reads the commits in order up to the first that matches (no index backs
     * the timestamps; used only to reset a processor to a time).
     */
    @Override
    public TrackingToken createTokenAt(Instant at) {
        // A legacy commit keeps timestamps as text, which were its recording time.
        Document d = events.find(Filters.or(Filters.gte("events.timestamp", Date.from(at)),
                Filters.and(Filters.type("events.timestamp", org.bson.BsonType.STRING), Filters.gte("recordedAt", Date.from(at)))))
                .sort(new Document("_id", 1)).limit(1).first();
        if (d == null) {
            return createHeadToken();
        }
        long position = Commit.of(d).events().stream().filter(e -> !e.timestamp().isBefore(at))
                .mapToLong(StoredEvent::position).min().orElseThrow();
        return position == 0 ? null : GapAwareTrackingToken.newInstance(position - 1, List.of());
    }

    /**
     * The token before the first event recorded at or after {@code at} (recording time, which grows
     * with positions): a binary search over positions, each probe an {@code _id} look-up. This is
     * what {@code asOf} stands on.
     */
    public TrackingToken createTokenAtRecordingTime(Instant at) {
        long lo = 0;
        long hi = headPosition();
        if (hi < 0) {
            return null;
        }
        long bound = hi;
        long answer = hi + 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            Optional<Commit> found = nextCommitFrom(mid, bound);
            if (found.isEmpty()) {
                hi = mid - 1;
                continue;
            }
            Commit c = found.get();
            if (!c.recordedAt().isBefore(at)) {
                answer = Math.min(answer, c.first());
                hi = Math.min(mid, c.first()) - 1;
            } else {
                lo = c.last() + 1;
            }
        }
        return answer == 0 ? null : GapAwareTrackingToken.newInstance(answer - 1, List.of());
    }

    // --- snapshots ----------------------------------------------------------------------------

    /** A snapshot replaces the stored one only if it is newer (a higher sequence number). */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        Document d = new Document("_id", snapshot.getAggregateIdentifier())
                .append("aggregateType", snapshot.getType())
                .append("seq", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision());
        putJson(d, "payload", payload.getData());
        putJson(d, "metaData", metaData.getData());
        try {
            snapshots.replaceOne(Filters.and(Filters.eq("_id", snapshot.getAggregateIdentifier()), Filters.lt("seq", snapshot.getSequenceNumber())),
                    d, new ReplaceOptions().upsert(true));
        } catch (MongoException e) {
            if (!MongoDuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            // The stored snapshot is as new or newer: keep it.
        }
        durability.awaitDurable();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document d = snapshots.find(Filters.eq("_id", aggregateId)).first();
        if (d == null) {
            return Stream.empty();
        }
        Document payload = d.get("payload", Document.class);
        Document meta = d.get("metaData", Document.class);
        return Stream.of(new GenericDomainEventEntry<>(d.getString("aggregateType"), aggregateId, longOf(d, "seq"),
                d.getString("eventId"), d.getString("timestamp"), d.getString("payloadType"),
                d.getString("payloadRevision"), payload != null ? payload.toJson(StoredEvent.JSON) : d.getString("payloadJson"),
                meta != null ? meta.toJson(StoredEvent.JSON) : d.getString("metaDataJson")));
    }

    // --- builder ------------------------------------------------------------------------------

    public static final class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private DurabilityBarrier durability = DurabilityBarrier.WRITE_CONCERN;
        private Clock clock = Clock.systemUTC();
        private Duration gapTimeout = Duration.ofSeconds(10);
        private Duration gapRetention = Duration.ofMinutes(1);
        private int maxGapOffset = 10_000;
        private boolean exclusiveWriter;

        private Builder() {
            persistenceExceptionResolver(MongoDuplicateKeys.INSTANCE);
            batchSize(100);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durability(DurabilityBarrier durability) {
            this.durability = durability;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long a tracker waits at a hole before it goes on and keeps the hole as a gap. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How long a gap is kept for a late commit after the hole was passed. */
        public Builder gapRetention(Duration gapRetention) {
            this.gapRetention = gapRetention;
            return this;
        }

        /** Only this engine ever appends to the store (one JVM owns the embedded server). */
        public Builder exclusiveWriter(boolean exclusiveWriter) {
            this.exclusiveWriter = exclusiveWriter;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(org.axonframework.common.jdbc.PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("A MongoDatabase is required");
            }
        }

        public SequencedMongoEventStorageEngine build() {
            validate();
            return new SequencedMongoEventStorageEngine(this);
        }
    }
}
