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
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Axon event storage on MongoDB with one strict global order, in the manner of Axon's JDBC engine
 * rather than its Mongo one (which tracks by client timestamps with a look-back window).
 *
 * <p><b>Layout.</b> Every unit of work's events for one aggregate are one <em>commit</em>
 * document in {@code events}; its {@code _id} is the commit's global position, reserved from a
 * counter. A single document is the only atomic write a server without transactions offers, so a
 * commit is never half stored. All events of a commit share one tracking token (Axon processes
 * events with equal tokens in one batch). {@code streamKey} = aggregate id + first sequence number,
 * under a unique index, is the optimistic-concurrency check: two writers that loaded the same
 * version collide on it (E11000 → {@code ConcurrencyException}). Because commits are atomic, a
 * writer's view of an aggregate always ends at a commit boundary, so the first sequence number of
 * a commit is the only one two writers can both claim.
 *
 * <p><b>Reads answer from an index on both servers.</b> The embedded server uses an index only for
 * equality or {@code $in} on a single-field unique index, so: tracking reads are {@code _id $in}
 * the next expected positions; an aggregate's stream is {@code streamKey $in} the next expected
 * sequence numbers. No range query, no sort, no scan (but one sorted read at start-up with an
 * exclusive writer, below).
 *
 * <p><b>Positions.</b> With several writers (replica set), each commit reserves its position with
 * an atomic {@code $inc} on a counter (returning the value before: the embedded server was seen to
 * hand one AFTER value to two callers). With one exclusive writer (the embedded server, which one
 * JVM owns) positions come from memory, halving the round trips of an append.
 *
 * <p><b>Order and gaps.</b> Appends of one JVM reserve and insert under one lock, so positions
 * appear in order and trackers never see a hole. Other writers (a second command-side replica on a
 * replica set) can leave a brief hole; a tracker stops at it until it fills or {@code gapTimeout}
 * passes (an append that died), and then goes on with the hole kept as a gap of the
 * {@link GapAwareTrackingToken}, so a late commit is still delivered. A commit that fails after
 * its position was reserved writes a void marker there so trackers need not wait.
 *
 * <p><b>One event per commit in production.</b> Events of a commit share one tracking token, and
 * Axon's shared event cache can hand a processor the first of them before the rest; a processor
 * that stores that token and restarts would resume after the whole commit and never see the rest.
 * So {@code singleEventCommits} (on in the platform's configuration) refuses a unit of work that
 * applies several events to one aggregate, loudly, instead of risking that loss; Duban's commands
 * each apply one event.
 *
 * <p><b>Durability.</b> {@link DurabilityBarrier#awaitDurable()} runs before an append returns, so
 * an acknowledged command survives a crash.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {
    private static final Logger log = LoggerFactory.getLogger(SequencedMongoEventStorageEngine.class);
    public static final String EVENTS = "events";
    public static final String COUNTERS = "event_counters";
    public static final String SNAPSHOTS = "snapshots";
    private static final String COUNTER_ID = "events";
    /** How many sequence numbers (or positions) one aggregate-stream lookup asks for at once. */
    private static final int STREAM_WINDOW = 64;
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final DurabilityBarrier durability;
    private final Clock clock;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Map<Long, Instant> holesFirstSeen = new ConcurrentHashMap<>();
    private final AtomicLong lastCommitted = new AtomicLong(-1);
    private Instant lastRecordedAt = Instant.EPOCH;
    /** With an exclusive writer: the next position to hand out and the end of the block reserved in the counter. */
    private final boolean exclusiveWriter;
    private final boolean singleEventCommits;
    private long nextPosition = -1;
    private long reservedUpTo = -1;
    private static final long BLOCK = 1000;

    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.events = db.getCollection(EVENTS);
        this.counters = db.getCollection(COUNTERS);
        this.snapshots = db.getCollection(SNAPSHOTS);
        this.durability = builder.durability;
        this.clock = builder.clock;
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.exclusiveWriter = builder.exclusiveWriter;
        this.singleEventCommits = builder.singleEventCommits;
        events.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true).name("stream_key_unique"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The highest position this engine committed, or -1. */
    public long lastCommittedPosition() {
        return lastCommitted.get();
    }

    /**
     * The highest position stored, or -1 when the store is empty. The counter is only an upper
     * bound (an exclusive writer moves it a block at a time, a failed append leaves it ahead), so
     * this looks back from it a window of {@code _id}s at a time.
     */
    public long headPosition() {
        if (exclusiveWriter) {
            appendLock.lock();
            try {
                initAllocator();
                return nextPosition - 1;
            } finally {
                appendLock.unlock();
            }
        }
        Document c = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        long hi = c == null ? -1 : ((Number) c.get("next")).longValue() - 1;
        for (long top = hi; top >= 0 && hi - top < 4 * BLOCK; top -= STREAM_WINDOW) {
            List<Long> ids = LongStream.rangeClosed(Math.max(0, top - STREAM_WINDOW + 1), top).boxed().toList();
            long highest = -1;
            for (Document d : events.find(Filters.in("_id", ids)).projection(new Document("_id", 1))) {
                highest = Math.max(highest, longOf(d, "_id"));
            }
            if (highest >= 0) {
                return highest;
            }
        }
        Document last = hi < 0 ? null : events.find().sort(new Document("_id", -1)).limit(1).first();
        return last == null ? -1 : longOf(last, "_id");
    }

    /** One stored event as a command-side reader sees it: the payload as stored, without upcasting. */
    public record StoredEvent(long position, String eventId, String payloadType, Document payload, Instant recordedAt) {
    }

    /**
     * The stored events of the given payload types whose payload field has the value, in position
     * order. It reads the store directly (no index backs it), for rare questions such as a sampling
     * frame, which must see every committed event rather than a projection that may lag.
     */
    public List<StoredEvent> findEvents(Collection<String> payloadTypes, String payloadField, Object value) {
        List<StoredEvent> out = new ArrayList<>();
        var filter = Filters.and(Filters.in("events.payloadType", payloadTypes), Filters.eq("events.payload." + payloadField, value));
        for (Document commit : events.find(filter).sort(new Document("_id", 1))) {
            for (Document e : commit.getList("events", Document.class)) {
                Document payload = e.get("payload", Document.class);
                if (payloadTypes.contains(e.getString("payloadType")) && payload != null && value.equals(payload.get(payloadField))) {
                    out.add(new StoredEvent(longOf(commit, "_id"), e.getString("eventId"), e.getString("payloadType"), payload,
                            Instant.parse(e.getString("timestamp"))));
                }
            }
        }
        return out;
    }

    /** The stored commit at a position, as an auditor would read it; empty for a hole or a void marker. */
    public Optional<Document> commitAt(long position) {
        Document d = events.find(Filters.eq("_id", position)).first();
        return d == null || Boolean.TRUE.equals(d.getBoolean("void")) ? Optional.empty() : Optional.of(d);
    }

    // --- appending ----------------------------------------------------------------------------

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<List<DomainEventMessage<?>>> commits = commitsOf(messages);
        if (singleEventCommits) {
            for (List<DomainEventMessage<?>> commit : commits) {
                if (commit.size() > 1) {
                    throw new IllegalStateException("A command applied " + commit.size() + " events to aggregate "
                            + commit.get(0).getAggregateIdentifier() + "; Duban's commands apply one event each, because events"
                            + " of one commit share a tracking position (see SequencedMongoEventStorageEngine)");
                }
            }
        }
        for (List<DomainEventMessage<?>> commit : commits) {
            appendCommit(commit, serializer);
        }
        durability.awaitDurable();
    }

    /** Consecutive events of one aggregate make one commit; non-aggregate events one each. */
    private static List<List<DomainEventMessage<?>>> commitsOf(List<? extends EventMessage<?>> messages) {
        List<List<DomainEventMessage<?>>> commits = new ArrayList<>();
        List<DomainEventMessage<?>> current = null;
        for (EventMessage<?> m : messages) {
            DomainEventMessage<?> e = EventUtils.asDomainEventMessage(m);
            boolean sameStream = current != null && e.getType() != null
                    && Objects.equals(current.get(0).getType(), e.getType())
                    && current.get(0).getAggregateIdentifier().equals(e.getAggregateIdentifier());
            if (!sameStream) {
                current = new ArrayList<>();
                commits.add(current);
            }
            current.add(e);
        }
        return commits;
    }

    private void appendCommit(List<DomainEventMessage<?>> commit, Serializer serializer) {
        DomainEventMessage<?> first = commit.get(0);
        DomainEventMessage<?> last = commit.get(commit.size() - 1);
        List<Document> eventDocs = new ArrayList<>(commit.size());
        for (DomainEventMessage<?> e : commit) {
            SerializedObject<String> payload = e.serializePayload(serializer, String.class);
            SerializedObject<String> metaData = e.serializeMetaData(serializer, String.class);
            Document d = new Document("eventId", e.getIdentifier())
                    .append("seq", e.getSequenceNumber())
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision());
            putJson(d, "payload", payload.getData());
            putJson(d, "metaData", metaData.getData());
            eventDocs.add(d);
        }
        Document doc = new Document()
                .append("streamKey", streamKey(first.getAggregateIdentifier(), first.getSequenceNumber()))
                .append("aggregateId", first.getAggregateIdentifier())
                .append("aggregateType", first.getType())
                .append("firstSeq", first.getSequenceNumber())
                .append("lastSeq", last.getSequenceNumber());
        appendLock.lock();
        try {
            long position = reservePosition();
            Instant recordedAt = nextRecordedAt();
            doc.put("_id", position);
            doc.put("recordedAt", Date.from(recordedAt));
            String timestamp = recordedAt.toString();
            eventDocs.forEach(d -> d.put("timestamp", timestamp));
            doc.put("events", eventDocs);
            try {
                events.insertOne(doc);
            } catch (MongoException e) {
                voidPosition(position, recordedAt);
                handlePersistenceException(e, first);
            }
            lastCommitted.set(position);
        } finally {
            appendLock.unlock();
        }
    }

    private long reservePosition() {
        if (exclusiveWriter) {
            return reserveFromBlock();
        }
        // Returning the document as it was before the increment: the embedded server was seen to
        // hand one AFTER value to two concurrent callers.
        Document before = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 0 : ((Number) before.get("next")).longValue();
    }

    /**
     * One JVM owns the store (the embedded server): positions come from memory and the counter is
     * moved a block at a time. On the first append after a start the next position is the highest
     * stored one plus one, never the counter, so positions reserved by a process that crashed are
     * reused rather than left as a hole no tracker could see past.
     */
    private long reserveFromBlock() {
        initAllocator();
        if (nextPosition >= reservedUpTo) {
            reservedUpTo = nextPosition + BLOCK;
            counters.updateOne(Filters.eq("_id", COUNTER_ID), Updates.set("next", reservedUpTo), new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
        return nextPosition++;
    }

    /** Once per start: the one sorted read of the store (a scan on the embedded server). */
    private void initAllocator() {
        if (nextPosition < 0) {
            Document last = events.find().sort(new Document("_id", -1)).limit(1).first();
            nextPosition = last == null ? 0 : longOf(last, "_id") + 1;
            reservedUpTo = nextPosition;
        }
    }

    /** Recording times never go backwards within this engine, so asOf and position order agree. */
    private Instant nextRecordedAt() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        lastRecordedAt = now.isAfter(lastRecordedAt) ? now : lastRecordedAt.plus(1, ChronoUnit.MICROS);
        return lastRecordedAt;
    }

    private void voidPosition(long position, Instant at) {
        try {
            events.insertOne(new Document("_id", position).append("streamKey", "~void#" + position)
                    .append("void", true).append("recordedAt", Date.from(at)).append("events", List.of()));
        } catch (MongoException e) {
            // Trackers time the hole out instead; nothing is lost, they only wait gapTimeout once.
            log.warn("Could not mark failed append at position {} as void; trackers will wait out the gap", position, e);
        }
    }

    private static void putJson(Document d, String field, String json) {
        String trimmed = json.stripLeading();
        if (trimmed.startsWith("{")) {
            d.put(field, Document.parse(json));
        } else {
            d.put(field + "Json", json);
        }
    }

    private static String getJson(Document d, String field) {
        Document parsed = d.get(field, Document.class);
        return parsed != null ? parsed.toJson(JSON) : d.getString(field + "Json");
    }

    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    // --- aggregate streams --------------------------------------------------------------------

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequence, int batchSize) {
        List<DomainEventData<?>> out = new ArrayList<>();
        long next = firstSequence;
        boolean firstLookup = true;
        while (out.size() < batchSize) {
            long from = firstLookup ? Math.max(0, next - STREAM_WINDOW + 1) : next;
            long to = next + STREAM_WINDOW;
            List<String> keys = LongStream.range(from, to).mapToObj(s -> streamKey(aggregateId, s)).toList();
            Map<Long, Document> byFirstSeq = new HashMap<>();
            for (Document d : events.find(Filters.in("streamKey", keys))) {
                byFirstSeq.put(longOf(d, "firstSeq"), d);
            }
            if (firstLookup && !byFirstSeq.containsKey(next)) {
                // Resuming inside a multi-event commit (after a snapshot): start at the commit covering it.
                long wanted = next;
                Optional<Document> covering = byFirstSeq.values().stream()
                        .filter(d -> longOf(d, "firstSeq") < wanted && longOf(d, "lastSeq") >= wanted).findFirst();
                if (covering.isPresent()) {
                    next = longOf(covering.get(), "firstSeq");
                }
            }
            firstLookup = false;
            while (byFirstSeq.containsKey(next)) {
                Document commit = byFirstSeq.get(next);
                for (Document e : commit.getList("events", Document.class)) {
                    if (longOf(e, "seq") >= firstSequence) {
                        out.add(entry(commit, e));
                    }
                }
                next = longOf(commit, "lastSeq") + 1;
            }
            if (next < to) {
                break; // the stream ends inside the window we looked at
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
        long expected = token.getIndex() + 1;
        SortedSet<Long> gaps = token.getGaps();
        List<Long> ids = new ArrayList<>(batchSize + gaps.size());
        ids.addAll(gaps);
        LongStream.range(expected, expected + batchSize).forEach(ids::add);
        TreeMap<Long, Document> found = new TreeMap<>();
        for (Document d : events.find(Filters.in("_id", ids))) {
            found.put(longOf(d, "_id"), d);
        }
        List<TrackedEventData<?>> out = new ArrayList<>();
        // Commits that arrived after their hole had timed out: late, but never lost.
        for (Long gap : gaps) {
            Document d = found.get(gap);
            if (d != null) {
                token = token.advanceTo(gap, maxGapOffset);
                emit(d, token, out);
            }
        }
        Long highest = found.isEmpty() ? null : found.lastKey();
        for (long pos = expected; highest != null && pos <= highest; pos++) {
            Document d = found.get(pos);
            if (d == null) {
                if (!holeTimedOut(pos)) {
                    break; // an append still in flight: keep the global order, wait for it
                }
                holesFirstSeen.remove(pos);
                log.warn("Event position {} stayed empty for {}; continuing and keeping it as a gap", pos, gapTimeout);
                continue;
            }
            holesFirstSeen.remove(pos);
            token = token.advanceTo(pos, maxGapOffset);
            emit(d, token, out);
        }
        return out;
    }

    private boolean holeTimedOut(long position) {
        Instant now = clock.instant();
        Instant first = holesFirstSeen.computeIfAbsent(position, p -> now);
        return Duration.between(first, now).compareTo(gapTimeout) >= 0;
    }

    private void emit(Document commit, GapAwareTrackingToken token, List<TrackedEventData<?>> out) {
        for (Document e : commit.getList("events", Document.class)) {
            out.add(new TrackedDomainEventData<>(token, entry(commit, e)));
        }
    }

    private static GenericDomainEventEntry<String> entry(Document commit, Document e) {
        return new GenericDomainEventEntry<>(commit.getString("aggregateType"), commit.getString("aggregateId"),
                longOf(e, "seq"), e.getString("eventId"), e.getString("timestamp"), e.getString("payloadType"),
                e.getString("payloadRevision"), getJson(e, "payload"), getJson(e, "metaData"));
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
     * The token just before the first commit recorded at or after {@code at}: a binary search over
     * positions, each probe an {@code _id} lookup, since recording times grow with positions.
     */
    @Override
    public TrackingToken createTokenAt(Instant at) {
        long lo = 0;
        long hi = headPosition();
        if (hi < 0) {
            return null;
        }
        long answer = hi + 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            Document d = firstExistingFrom(mid, hi);
            if (d == null) {
                hi = mid - 1;
                continue;
            }
            long pos = longOf(d, "_id");
            if (!d.getDate("recordedAt").toInstant().isBefore(at)) {
                answer = pos;
                hi = mid - 1;
            } else {
                lo = pos + 1;
            }
        }
        return answer == 0 ? null : GapAwareTrackingToken.newInstance(answer - 1, List.of());
    }

    private Document firstExistingFrom(long from, long to) {
        for (long start = from; start <= to; start += STREAM_WINDOW) {
            List<Long> ids = LongStream.rangeClosed(start, Math.min(to, start + STREAM_WINDOW - 1)).boxed().toList();
            TreeMap<Long, Document> found = new TreeMap<>();
            events.find(Filters.in("_id", ids)).forEach(d -> found.put(longOf(d, "_id"), d));
            if (!found.isEmpty()) {
                return found.firstEntry().getValue();
            }
        }
        return null;
    }

    // --- snapshots ----------------------------------------------------------------------------

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
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), d, new ReplaceOptions().upsert(true));
        durability.awaitDurable();
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document d = snapshots.find(Filters.eq("_id", aggregateId)).first();
        if (d == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(d.getString("aggregateType"), aggregateId, longOf(d, "seq"),
                d.getString("eventId"), d.getString("timestamp"), d.getString("payloadType"),
                d.getString("payloadRevision"), getJson(d, "payload"), getJson(d, "metaData")));
    }

    // --- builder ------------------------------------------------------------------------------

    public static final class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private DurabilityBarrier durability = DurabilityBarrier.WRITE_CONCERN;
        private Clock clock = Clock.systemUTC();
        private Duration gapTimeout = Duration.ofSeconds(10);
        private int maxGapOffset = 10_000;
        private boolean exclusiveWriter;
        private boolean singleEventCommits;

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

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** Only this engine ever appends to the store (one JVM owns the embedded server). */
        public Builder exclusiveWriter(boolean exclusiveWriter) {
            this.exclusiveWriter = exclusiveWriter;
            return this;
        }

        /** Refuse a commit of several events for one aggregate (see the class comment). */
        public Builder singleEventCommits(boolean singleEventCommits) {
            this.singleEventCommits = singleEventCommits;
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
