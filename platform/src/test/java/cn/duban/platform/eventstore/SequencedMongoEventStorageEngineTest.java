package cn.duban.platform.eventstore;

import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencedMongoEventStorageEngineTest {
    public record Happened(String what, int n) {
    }

    @TempDir
    Path dir;
    EmbeddedMongo mongo;
    MongoClient client;
    MongoDatabase db;
    SequencedMongoEventStorageEngine engine;
    final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(dir, 0);
        client = MongoClients.create(mongo.connectionString());
        db = client.getDatabase("test");
        engine = engine(Duration.ofSeconds(5));
    }

    SequencedMongoEventStorageEngine engine(Duration gapTimeout) {
        return engine(gapTimeout, false);
    }

    SequencedMongoEventStorageEngine engine(Duration gapTimeout, boolean exclusive) {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
        return SequencedMongoEventStorageEngine.builder().database(db).durability(mongo).clock(clock).exclusiveWriter(exclusive)
                .gapTimeout(gapTimeout).eventSerializer(serializer).snapshotSerializer(serializer).build();
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    static DomainEventMessage<Happened> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Thing", aggregate, seq, new Happened(aggregate, (int) seq),
                MetaData.with("actor", "tester"));
    }

    @Test
    void concurrentWritersAreSeenExactlyOnceInPositionOrderByALiveTracker() throws Exception {
        concurrentWritersWithLiveTracker();
    }

    @Test
    void theSameWithAnExclusiveWriterAllocatingPositionsInMemory() throws Exception {
        engine = engine(Duration.ofSeconds(5), true);
        concurrentWritersWithLiveTracker();
    }

    @Test
    void anExclusiveWriterRestartingAfterACrashContinuesRightAfterTheLastStoredPosition() {
        SequencedMongoEventStorageEngine first = engine(Duration.ofSeconds(5), true);
        first.appendEvents(event("c", 0));
        first.appendEvents(event("c", 1));
        // The counter holds a whole reserved block; a restarted writer must not jump over it.
        SequencedMongoEventStorageEngine restarted = engine(Duration.ofSeconds(5), true);
        assertThat(restarted.headPosition()).isEqualTo(1);
        restarted.appendEvents(event("c", 2));
        assertThat(restarted.readEvents((TrackingToken) null, false).map(m -> m.trackingToken().position().orElseThrow()))
                .containsExactly(0L, 1L, 2L);
        // A reader in another process (not the writer) sees the stored head, not the reserved block.
        assertThat(engine(Duration.ofSeconds(5), false).headPosition()).isEqualTo(2);
    }

    void concurrentWritersWithLiveTracker() throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
        int writers = 6;
        int perWriter = 200;
        int total = writers * perWriter;
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            Future<?> reader = pool.submit(() -> {
                // hasNextAvailable may answer false early (while the stream switches from its private
                // reader to the shared cache); a processor just asks again, and so do we.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < total && System.nanoTime() < deadline) {
                    if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                        seen.add(stream.nextAvailable());
                    }
                }
                return null;
            });
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        // Two aggregates per writer, interleaved.
                        String aggregate = "agg-" + writer + "-" + (i % 2);
                        engine.appendEvents(event(aggregate, i / 2));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : writes) {
                f.get(60, TimeUnit.SECONDS);
            }
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            store.shutDown();
        }
        assertThat(seen).hasSize(total);
        Set<String> ids = new HashSet<>();
        long previous = -1;
        Map<String, Long> lastSeq = new HashMap<>();
        for (TrackedEventMessage<?> m : seen) {
            assertThat(ids.add(m.getIdentifier())).as("seen once: %s", m.getIdentifier()).isTrue();
            long position = m.trackingToken().position().orElseThrow();
            assertThat(position).isGreaterThan(previous);
            previous = position;
            DomainEventMessage<?> d = (DomainEventMessage<?>) m;
            Long before = lastSeq.put(d.getAggregateIdentifier(), d.getSequenceNumber());
            assertThat(d.getSequenceNumber()).isEqualTo(before == null ? 0 : before + 1);
        }
        assertThat(((GapAwareTrackingToken) seen.get(total - 1).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void twoConcurrentWritesToOneAggregateOneWinsTheOtherConflicts() throws Exception {
        engine.appendEvents(event("a", 0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fs.add(pool.submit(() -> {
                go.await();
                try {
                    engine.appendEvents(event("a", 1));
                } catch (ConcurrencyException e) {
                    conflicts.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(conflicts).hasValue(1);
        assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);
        // The loser's reserved position holds a void marker, so trackers do not wait for it.
        assertThat(db.getCollection("events").countDocuments(Filters.eq("void", true))).isEqualTo(1);
        assertThat(engine.readEvents((TrackingToken) null, false).map(m -> ((DomainEventMessage<?>) m).getSequenceNumber()))
                .containsExactly(0L, 1L);
    }

    @Test
    void aLongAggregateStreamIsReadWholeAndFromTheMiddle() {
        for (int i = 0; i < 250; i++) {
            engine.appendEvents(event("long", i));
        }
        engine.appendEvents(event("other", 0));
        assertThat(engine.readEvents("long").asStream().count()).isEqualTo(250);
        assertThat(engine.readEvents("long", 200).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .hasSize(50).startsWith(200L).endsWith(249L);
        assertThat(engine.lastSequenceNumberFor("long")).contains(249L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    void aUnitOfWorksEventsForOneAggregateAreOneAtomicCommitSharingOnePosition() {
        engine.appendEvents(List.of(event("multi", 0), event("multi", 1), event("multi", 2)));
        engine.appendEvents(event("multi", 3));
        assertThat(db.getCollection("events").countDocuments()).isEqualTo(2);
        List<? extends TrackedEventMessage<?>> tracked = engine.readEvents((TrackingToken) null, false).toList();
        assertThat(tracked).hasSize(4);
        assertThat(tracked.subList(0, 3)).allSatisfy(m -> assertThat(m.trackingToken().position()).hasValue(0));
        assertThat(tracked.get(3).trackingToken().position()).hasValue(1);
        assertThat(engine.readEvents("multi", 2).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(2L, 3L);
        // A writer always starts from a commit boundary (commits are atomic), so a stale one collides
        // on the first sequence number of the commit it missed.
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("multi", 3), event("multi", 4))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("multi", 0)))
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
    }

    @Test
    void withSingleEventCommitsASeveralEventCommitIsRefusedAndNothingStored() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
        SequencedMongoEventStorageEngine strict = SequencedMongoEventStorageEngine.builder().database(db).durability(mongo)
                .singleEventCommits(true).eventSerializer(serializer).snapshotSerializer(serializer).build();
        assertThatThrownBy(() -> strict.appendEvents(List.of(event("two", 0), event("two", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one event each");
        assertThat(db.getCollection("events").countDocuments()).isZero();
        strict.appendEvents(List.of(event("one", 0), event("other", 0)));
        assertThat(db.getCollection("events").countDocuments()).isEqualTo(2);
    }

    @Test
    void eventsAreStoredAsReadableJsonWithRevisionAndMetadata() {
        engine.appendEvents(event("readable", 0));
        Document commit = db.getCollection("events").find().first();
        Document e = commit.getList("events", Document.class).get(0);
        assertThat(e.get("payload", Document.class)).containsEntry("what", "readable").containsEntry("n", 0);
        assertThat(e.get("metaData", Document.class)).containsEntry("actor", "tester");
        assertThat(e.getString("payloadType")).endsWith("Happened");
        assertThat(commit.getString("aggregateId")).isEqualTo("readable");
        assertThat(commit.getDate("recordedAt")).isNotNull();
    }

    @Test
    void aTrackerWaitsAtAHoleThenSkipsItAfterTheTimeoutAndStillDeliversItLate() {
        engine.appendEvents(event("x", 0));                 // position 0
        db.getCollection("event_counters").updateOne(Filters.eq("_id", "events"), Updates.inc("next", 1L)); // 1: a writer that died
        engine.appendEvents(event("x", 1));                 // position 2

        List<? extends TrackedEventMessage<?>> first = engine.readEvents((TrackingToken) null, false).toList();
        assertThat(first).hasSize(1);
        TrackingToken afterFirst = first.get(0).trackingToken();
        assertThat(engine.readEvents(afterFirst, false).toList()).isEmpty();

        clock.advance(Duration.ofSeconds(6));
        List<? extends TrackedEventMessage<?>> skipped = engine.readEvents(afterFirst, false).toList();
        assertThat(skipped).hasSize(1);
        GapAwareTrackingToken token = (GapAwareTrackingToken) skipped.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(2);
        assertThat(token.getGaps()).containsExactly(1L);

        // The slow writer finally lands at position 1: delivered once, gap closed.
        db.getCollection("events").insertOne(new Document("_id", 1L).append("streamKey", "late#0")
                .append("aggregateId", "late").append("aggregateType", "Thing").append("firstSeq", 0L).append("lastSeq", 0L)
                .append("recordedAt", new java.util.Date()).append("events", List.of(new Document("eventId", "late-0")
                        .append("seq", 0L).append("payloadType", Happened.class.getName()).append("payloadRevision", null)
                        .append("timestamp", Instant.now().toString()).append("payload", new Document("what", "late").append("n", 0))
                        .append("metaData", new Document()))));
        List<? extends TrackedEventMessage<?>> late = engine.readEvents(token, false).toList();
        assertThat(late).extracting(TrackedEventMessage::getIdentifier).containsExactly("late-0");
        assertThat(((GapAwareTrackingToken) late.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void tokenAtAnInstantStartsAtTheFirstEventRecordedThen() {
        engine.appendEvents(event("t", 0));
        clock.advance(Duration.ofMinutes(1));
        Instant middle = clock.instant();
        engine.appendEvents(event("t", 1));
        clock.advance(Duration.ofMinutes(1));
        engine.appendEvents(event("t", 2));
        TrackingToken at = engine.createTokenAt(middle);
        assertThat(engine.readEvents(at, false).map(m -> ((DomainEventMessage<?>) m).getSequenceNumber())).containsExactly(1L, 2L);
        assertThat(engine.createHeadToken().position()).hasValue(2);
        assertThat(engine.createTokenAt(clock.instant().plusSeconds(60)).position()).hasValue(2);
    }

    @Test
    void eventsSurviveARestartOfTheEmbeddedServer() {
        engine.appendEvents(event("durable", 0));
        client.close();
        mongo.close();
        mongo = EmbeddedMongo.start(dir, 0);
        client = MongoClients.create(mongo.connectionString());
        db = client.getDatabase("test");
        engine = engine(Duration.ofSeconds(5));
        assertThat(engine.readEvents("durable").asStream().count()).isEqualTo(1);
        engine.appendEvents(event("durable", 1));
        assertThat(engine.readEvents((TrackingToken) null, false).map(m -> m.trackingToken().position().orElseThrow()))
                .containsExactly(0L, 1L);
    }

    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2023-02-13T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
