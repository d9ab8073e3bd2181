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
import org.axonframework.eventhandling.TrackedEventData;
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
import org.axonframework.modelling.command.AggregateStreamCreationException;

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

    /**
     * A processor that has caught up asks, at every event, for the positions after its token, as many
     * as its batch may hold (2,000 for the read models). The only writer knows where the positions end,
     * and asks for none beyond them: sorting and looking up 2,000 positions per event was 7 % of the
     * process's samples during the benchmark's commands (issue 14).
     */
    @Test
    void aCaughtUpReaderOfTheOnlyWriterAsksForNoPositionBeyondThoseReserved() {
        List<Integer> asked = positionLookUps(true);
        engine.appendEvents(event("a", 0), event("a", 1), event("a", 2));    // positions 0..2

        asked.clear();
        List<? extends TrackedEventData<?>> batch = engine.fetchTrackedEvents(GapAwareTrackingToken.newInstance(0, List.of()), 2000);
        assertThat(batch).hasSize(2);
        assertThat(asked).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));

        asked.clear();
        assertThat(engine.fetchTrackedEvents(GapAwareTrackingToken.newInstance(2, List.of()), 2000)).isEmpty();
        assertThat(asked).allSatisfy(n -> assertThat(n).isZero());
    }

    /**
     * Reconnects through a client that notes, for every {@code find} by {@code _id $in}, how many
     * positions it asks for; the engine is made anew on it.
     */
    List<Integer> positionLookUps(boolean exclusive) {
        List<Integer> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.close();
        client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(mongo.connectionString()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent e) {
                        if (e.getCommandName().equals("find") && e.getCommand().getDocument("filter").get("_id") instanceof org.bson.BsonDocument id
                                && id.containsKey("$in")) {
                            asked.add(id.getArray("$in").size());
                        }
                    }
                }).build());
        db = client.getDatabase("test");
        engine = engine(Duration.ofSeconds(5), exclusive);
        return asked;
    }

    /**
     * The archive's export reads every event in order through {@code forEachEvent}. Commands append
     * one event a commit; each window of positions read must serve all the commits in it, not only
     * its first (until stop 58 each of these 250 commits cost a look-up of 64 positions).
     */
    @Test
    void everyEventIsReadInOrderFromAnyPositionWithAFewLookUpsForManyOneEventCommits() {
        List<Integer> asked = positionLookUps(false);
        appendOneEventCommits(0, 150);                                              // positions 0..149
        engine.appendEvents(java.util.stream.LongStream.range(0, 100).mapToObj(n -> event("long", n)).toList());  // 150..249
        appendOneEventCommits(150, 250);                                            // 250..349

        asked.clear();
        List<StoredEvent> all = new ArrayList<>();
        engine.forEachEvent(0, all::add);
        assertThat(all).extracting(StoredEvent::position).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 350).boxed().toList());
        assertThat(all.get(150).aggregateId()).isEqualTo("long");
        assertThat(all.get(249).sequence()).isEqualTo(99L);
        assertThat(all.get(250).aggregateId()).isEqualTo("single-150");
        assertThat(asked).as("positions looked up by windows, not a window a commit").hasSizeLessThan(20);

        List<Long> fromInsideTheLongCommit = new ArrayList<>();
        engine.forEachEvent(200, e -> fromInsideTheLongCommit.add(e.position()));
        assertThat(fromInsideTheLongCommit).containsExactlyElementsOf(java.util.stream.LongStream.range(200, 350).boxed().toList());
    }

    /** An auditor's look-up of one event (evidence, a unit's archive): one position for a one-event commit, a window inside a longer one. */
    @Test
    void anEventIsLookedUpByItsOwnPositionAndInsideALongerCommitByAWindow() {
        List<Integer> asked = positionLookUps(false);
        appendOneEventCommits(0, 100);                                              // positions 0..99
        engine.appendEvents(java.util.stream.LongStream.range(0, 10).mapToObj(n -> event("long", n)).toList());  // 100..109

        asked.clear();
        assertThat(engine.eventAt(40)).hasValueSatisfying(e -> assertThat(e.aggregateId()).isEqualTo("single-40"));
        assertThat(asked).as("a one-event commit is found by its own position").containsExactly(1);
        assertThat(engine.eventAt(104)).hasValueSatisfying(e -> assertThat(e.sequence()).isEqualTo(4L));
        assertThat(engine.eventAt(109)).hasValueSatisfying(e -> assertThat(e.sequence()).isEqualTo(9L));
        assertThat(engine.eventAt(110)).isEmpty();
    }

    /** Commits of one event each, as commands append them: aggregates single-from .. single-(to - 1). */
    void appendOneEventCommits(int from, int to) {
        for (int i = from; i < to; i++) {
            engine.appendEvents(event("single-" + i, 0));
        }
    }

    static DomainEventMessage<Happened> event(String aggregate, long seq) {
        return new GenericDomainEventMessage<>("Thing", aggregate, seq, new Happened(aggregate, (int) seq),
                MetaData.with("actor", "tester"));
    }

    @Test
    void eightConcurrentWritersWithASharedCounterAreSeenExactlyOnceInPositionOrderByALiveTracker() throws Exception {
        concurrentWritersWithLiveTracker(8);
    }

    @Test
    void theSameWithAnExclusiveWriterAllocatingPositionsInMemory() throws Exception {
        engine = engine(Duration.ofSeconds(5), true);
        concurrentWritersWithLiveTracker(6);
    }

    /** Each writer appends one-, two- and three-event commits to two aggregates of its own. */
    void concurrentWritersWithLiveTracker(int writers) throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
        int commitsPerWriter = 60;
        int perWriter = 0;
        for (int i = 0; i < commitsPerWriter; i++) {
            perWriter += 1 + i % 3;
        }
        int total = writers * perWriter;
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            Future<?> reader = pool.submit(() -> {
                // hasNextAvailable may answer false early (while the stream switches from its private
                // reader to the shared cache); a processor just asks again, and so do we.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
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
                    long[] next = new long[2];
                    for (int i = 0; i < commitsPerWriter; i++) {
                        String aggregate = "agg-" + writer + "-" + (i % 2);
                        List<DomainEventMessage<?>> commit = new ArrayList<>();
                        for (int k = 0; k <= i % 3; k++) {
                            commit.add(event(aggregate, next[i % 2]++));
                        }
                        engine.appendEvents(commit);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : writes) {
                f.get(90, TimeUnit.SECONDS);
            }
            reader.get(90, TimeUnit.SECONDS);
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
            assertThat(position).as("one position per event, in order").isEqualTo(previous + 1);
            previous = position;
            DomainEventMessage<?> d = (DomainEventMessage<?>) m;
            Long before = lastSeq.put(d.getAggregateIdentifier(), d.getSequenceNumber());
            assertThat(d.getSequenceNumber()).isEqualTo(before == null ? 0 : before + 1);
        }
        assertThat(((GapAwareTrackingToken) seen.get(total - 1).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void twoConcurrentWritesToOneAggregateOneWinsTheOtherConflicts() throws Exception {
        for (boolean exclusive : new boolean[]{false, true}) {
            SequencedMongoEventStorageEngine writer = engine(Duration.ofSeconds(5), exclusive);
            String aggregate = "a-" + exclusive;
            writer.appendEvents(event(aggregate, 0));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger conflicts = new AtomicInteger();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    try {
                        writer.appendEvents(event(aggregate, 1));
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
            assertThat(writer.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);
        }
        // The shared-counter loser's positions hold a void marker, so trackers do not wait for them;
        // the exclusive writer took its positions back.
        assertThat(db.getCollection("events").countDocuments(Filters.eq("void", true))).isEqualTo(1);
        assertThat(engine.readEvents((TrackingToken) null, false).map(m -> ((DomainEventMessage<?>) m).getSequenceNumber()))
                .containsExactly(0L, 1L, 0L, 1L);
    }

    @Test
    void aRunOf600VoidPositionsIsCrossedAtOnceByEveryReader() throws Exception {
        engine.appendEvents(event("report", 0));
        TrackingToken afterFirst = engine.readEvents((TrackingToken) null, false).toList().get(0).trackingToken();
        // 600 clerks accept the same report at once: one conflict, one void marker, each.
        for (int i = 0; i < 600; i++) {
            assertThatThrownBy(() -> engine.appendEvents(event("report", 0))).isInstanceOf(AggregateStreamCreationException.class);
        }
        assertThat(db.getCollection("events").countDocuments(Filters.eq("void", true))).isEqualTo(600);
        DomainEventMessage<Happened> after = event("report", 1);
        engine.appendEvents(after);
        // No clock advance: void markers are not holes, nothing is waited for.
        List<? extends TrackedEventMessage<?>> read = engine.readEvents(afterFirst, false).toList();
        assertThat(read).extracting(TrackedEventMessage::getIdentifier).containsExactly(after.getIdentifier());
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(601);
        assertThat(token.getGaps()).isEmpty();
        // And a processor on a live store, from the start.
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    seen.add(stream.nextAvailable().getIdentifier());
                }
            }
            assertThat(seen).hasSize(2).endsWith(after.getIdentifier());
        } finally {
            store.shutDown();
        }
    }

    @Test
    void anExclusiveWriterGivesBackThePositionsOfAFailedAppend() {
        engine = engine(Duration.ofSeconds(5), true);
        engine.appendEvents(event("report", 0));
        for (int i = 0; i < 600; i++) {
            assertThatThrownBy(() -> engine.appendEvents(event("report", 0))).isInstanceOf(AggregateStreamCreationException.class);
        }
        engine.appendEvents(event("report", 1));
        assertThat(engine.readEvents((TrackingToken) null, false).map(m -> m.trackingToken().position().orElseThrow()))
                .containsExactly(0L, 1L);
        assertThat(db.getCollection("events").countDocuments()).isEqualTo(2);
    }

    @Test
    void aThousandPositionsReservedByACrashedWriterAreCrossedAfterTheGapTimeoutAndTheirGapsAgeOut() {
        engine.appendEvents(event("x", 0));                                       // position 0
        db.getCollection("event_counters").updateOne(Filters.eq("_id", "events"), Updates.inc("next", 1000L)); // 1..1000: a crash
        engine.appendEvents(event("x", 1));                                       // position 1001
        TrackingToken afterFirst = engine.readEvents((TrackingToken) null, false).toList().get(0).trackingToken();
        assertThat(engine.readEvents(afterFirst, false).toList()).as("waits while the hole may still fill").isEmpty();

        clock.advance(Duration.ofSeconds(6));
        List<? extends TrackedEventMessage<?>> crossed = engine.readEvents(afterFirst, false).toList();
        assertThat(crossed).hasSize(1);
        GapAwareTrackingToken token = (GapAwareTrackingToken) crossed.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(1001);
        assertThat(token.getGaps()).hasSize(1000);

        // A minute later the gaps are dropped: the token stays small on a store that saw failures.
        clock.advance(Duration.ofMinutes(1));
        engine.appendEvents(event("x", 2));
        List<? extends TrackedEventMessage<?>> later = engine.readEvents(token, false).toList();
        assertThat(later).hasSize(1);
        assertThat(((GapAwareTrackingToken) later.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aTrackerWaitsAtAHoleThenSkipsItAfterTheTimeoutAndStillDeliversALateCommit() {
        engine.appendEvents(event("x", 0));                 // position 0
        db.getCollection("event_counters").updateOne(Filters.eq("_id", "events"), Updates.inc("next", 2L)); // 1..2: a slow writer
        engine.appendEvents(event("x", 1));                 // position 3

        List<? extends TrackedEventMessage<?>> first = engine.readEvents((TrackingToken) null, false).toList();
        assertThat(first).hasSize(1);
        TrackingToken afterFirst = first.get(0).trackingToken();
        assertThat(engine.readEvents(afterFirst, false).toList()).isEmpty();

        clock.advance(Duration.ofSeconds(6));
        List<? extends TrackedEventMessage<?>> skipped = engine.readEvents(afterFirst, false).toList();
        assertThat(skipped).hasSize(1);
        GapAwareTrackingToken token = (GapAwareTrackingToken) skipped.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(3);
        assertThat(token.getGaps()).containsExactly(1L, 2L);

        // The slow writer's two-event commit finally lands at positions 1..2: delivered once, in order, gaps closed.
        db.getCollection("events").insertOne(new Document("_id", 2L).append("first", 1L).append("streamKey", List.of("late#0", "late#1"))
                .append("recordedAt", java.util.Date.from(clock.instant())).append("events", List.of(lateEvent(0), lateEvent(1))));
        List<? extends TrackedEventMessage<?>> late = engine.readEvents(token, false).toList();
        assertThat(late).extracting(TrackedEventMessage::getIdentifier).containsExactly("late-0", "late-1");
        assertThat(((GapAwareTrackingToken) late.get(1).trackingToken()).getGaps()).isEmpty();
        assertThat(engine.readEvents("late").asStream().count()).isEqualTo(2);
    }

    /**
     * A reader that is behind gets the next window read while it handles a batch. The window read
     * ahead has a hole, which fills before the reader asks: the reader must see the late commit in
     * its place, not pass the hole as a gap because the window it was handed is stale.
     */
    @Test
    void aWindowReadAheadWithAHoleIsReadAgainOnceTheHoleMayHaveFilled() throws Exception {
        for (int i = 0; i < 100; i++) {
            engine.appendEvents(event("ahead", i));        // positions 0..99
        }
        db.getCollection("event_counters").updateOne(Filters.eq("_id", "events"), Updates.inc("next", 2L)); // 100..101: a slow writer
        for (int i = 100; i < 250; i++) {
            engine.appendEvents(event("ahead", i));        // positions 102..251
        }
        List<? extends TrackedEventData<?>> first = engine.fetchTrackedEvents(null, 100);
        assertThat(first).hasSize(100);
        assertThat(engine.readingAheadFrom()).as("the next window is read ahead").containsExactly(100L);
        Thread.sleep(300);

        db.getCollection("events").insertOne(new Document("_id", 101L).append("first", 100L).append("streamKey", List.of("late#0", "late#1"))
                .append("recordedAt", java.util.Date.from(clock.instant())).append("events", List.of(lateEvent(0), lateEvent(1))));
        clock.advance(Duration.ofSeconds(6)); // past the gap timeout: a stale window would now pass the hole
        List<? extends TrackedEventData<?>> next = engine.fetchTrackedEvents(first.get(99).trackingToken(), 100);
        assertThat(next).extracting(e -> e.trackingToken().position().orElseThrow())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(100, 200).boxed().toList());
        assertThat(next).extracting(TrackedEventData::getEventIdentifier).startsWith("late-0", "late-1");
        assertThat(((GapAwareTrackingToken) next.get(99).trackingToken()).getGaps()).isEmpty();
        // And on to the end, each event once, in order, the rest read ahead too.
        List<Long> rest = new ArrayList<>();
        TrackingToken token = next.get(99).trackingToken();
        for (List<? extends TrackedEventData<?>> batch; !(batch = engine.fetchTrackedEvents(token, 100)).isEmpty(); ) {
            batch.forEach(e -> rest.add(e.trackingToken().position().orElseThrow()));
            token = batch.get(batch.size() - 1).trackingToken();
        }
        assertThat(rest).containsExactlyElementsOf(java.util.stream.LongStream.range(200, 252).boxed().toList());
    }

    /**
     * Commits longer than a window, as a bulk import writes them, end each batch inside the next
     * window. The reader still gets each next commit read ahead and handed to it, and every event
     * once, in order.
     */
    @Test
    void commitsLongerThanAWindowAreReadAheadToo() {
        for (int k = 0; k < 4; k++) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                commit.add(event("bulk-" + k, i));
            }
            engine.appendEvents(commit);                   // positions 250 k .. 250 k + 249
        }
        List<Long> seen = new ArrayList<>();
        TrackingToken token = null;
        for (int k = 0; k < 4; k++) {
            List<? extends TrackedEventData<?>> batch = engine.fetchTrackedEvents(token, 100);
            assertThat(batch).as("batch %d: one whole commit", k).hasSize(250);
            batch.forEach(e -> seen.add(e.trackingToken().position().orElseThrow()));
            token = batch.get(batch.size() - 1).trackingToken();
            assertThat(engine.readingAheadFrom()).as("after batch %d", k).containsExactly(250L * (k + 1));
        }
        assertThat(engine.windowsReadAheadUsed()).as("the second, third and fourth commits read ahead").isEqualTo(3);
        assertThat(engine.fetchTrackedEvents(token, 100)).isEmpty();
        assertThat(seen).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 1000).boxed().toList());
    }

    static Document lateEvent(long seq) {
        return new Document("eventId", "late-" + seq).append("aggregateType", "Thing").append("aggregateId", "late").append("seq", seq)
                .append("payloadType", Happened.class.getName()).append("payloadRevision", null)
                .append("timestamp", Instant.now().toString()).append("payload", new Document("what", "late").append("n", (int) seq))
                .append("metaData", new Document());
    }

    @Test
    void anExclusiveWriterRestartingAfterACrashContinuesRightAfterTheLastStoredPosition() {
        // A block counter as the previous release left it: meaningless to an exclusive writer.
        db.getCollection("event_counters").insertOne(new Document("_id", "events").append("next", 1000L));
        SequencedMongoEventStorageEngine first = engine(Duration.ofSeconds(5), true);
        first.appendEvents(event("c", 0));
        first.appendEvents(event("c", 1), event("c", 2));
        // The crash: whatever the first writer had reserved in memory is gone with it.
        SequencedMongoEventStorageEngine restarted = engine(Duration.ofSeconds(5), true);
        assertThat(restarted.headPosition()).isEqualTo(2);
        restarted.appendEvents(event("c", 3));
        assertThat(restarted.readEvents((TrackingToken) null, false).map(m -> m.trackingToken().position().orElseThrow()))
                .containsExactly(0L, 1L, 2L, 3L);
        // A district moving to a replica set: the shared counter starts past every stored position.
        SequencedMongoEventStorageEngine shared = engine(Duration.ofSeconds(5), false);
        assertThat(shared.headPosition()).isEqualTo(3);
        shared.appendEvents(event("c", 4));
        assertThat(shared.readEvents((TrackingToken) null, false).map(m -> m.trackingToken().position().orElseThrow()))
                .as("no hole to wait at").containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void eventsAreStoredAsReadableJsonWithBothTimesAndOneDocumentPerCommit() {
        Instant applied = Instant.parse("2023-03-01T02:00:00Z");
        engine.appendEvents(new GenericDomainEventMessage<>("Thing", "readable", 0, new Happened("readable", 0),
                MetaData.with("actor", "tester"), "r-0", applied), event("readable", 1));
        Document commit = db.getCollection("events").find().first();
        assertThat(commit.get("_id")).isEqualTo(1L);
        assertThat(commit.get("first")).isEqualTo(0L);
        assertThat(commit.getDate("recordedAt").toInstant()).isEqualTo(clock.instant());
        Document e = commit.getList("events", Document.class).get(0);
        assertThat(e.get("payload", Document.class)).containsEntry("what", "readable").containsEntry("n", 0);
        assertThat(e.get("metaData", Document.class)).containsEntry("actor", "tester");
        assertThat(e.getString("payloadType")).endsWith("Happened");
        assertThat(commit.getString("aggregateId")).as("one aggregate's commit names it once").isEqualTo("readable");
        assertThat(e.getDate("timestamp").toInstant()).isEqualTo(applied);
        assertThat(engine.eventAt(0)).hasValueSatisfying(s -> {
            assertThat(s.timestamp()).isEqualTo(applied);
            assertThat(s.recordedAt()).isEqualTo(clock.instant());
        });
        assertThat(engine.eventAt(1)).hasValueSatisfying(s -> assertThat(s.sequence()).isEqualTo(1L));
        assertThat(engine.eventAt(2)).isEmpty();
    }

    @Test
    void theRecordingTimeLookupStartsAtTheFirstEventRecordedThen() {
        engine.appendEvents(event("t", 0));
        clock.advance(Duration.ofMinutes(1));
        Instant middle = clock.instant();
        engine.appendEvents(event("t", 1), event("t", 2));
        clock.advance(Duration.ofMinutes(1));
        engine.appendEvents(event("t", 3));
        TrackingToken at = engine.createTokenAtRecordingTime(middle);
        assertThat(engine.readEvents(at, false).map(m -> ((DomainEventMessage<?>) m).getSequenceNumber())).containsExactly(1L, 2L, 3L);
        assertThat(engine.createTokenAtRecordingTime(middle.minusSeconds(120))).isNull();
        assertThat(engine.createHeadToken().position()).hasValue(3);
        assertThat(engine.createTokenAtRecordingTime(clock.instant().plusSeconds(60)).position()).hasValue(3);
        assertThat(engine.readEvents((TrackingToken) null, false).map(RecordingTime::of))
                .as("one recording time per commit").containsExactly(middle.minusSeconds(60), middle, middle, middle.plusSeconds(60));
    }

    public record Figures(java.math.BigDecimal value, double ratio) {
    }

    @Test
    void aValueThatCouldNotBeReadBackIsNeverStored() {
        // 1e400 is a fine BigDecimal, but BSON keeps JSON numbers as doubles: it would come back as Infinity.
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("Thing", "poison", 0,
                new Figures(new java.math.BigDecimal("1e400"), 1))))
                .isInstanceOf(UnstorableEventException.class).hasMessageContaining("payload").hasMessageContaining("1E+400");
        assertThat(db.getCollection("events").countDocuments()).isZero();
        engine.appendEvents(new GenericDomainEventMessage<>("Thing", "poison", 0, new Figures(new java.math.BigDecimal("123456789012.125"), 0.5)));
        Figures back = (Figures) engine.readEvents("poison").next().getPayload();
        assertThat(back.value()).isEqualByComparingTo("123456789012.125");
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

    @Test
    void aStoreWrittenByTheEarlierLayoutReadsUnchanged() {
        // One event per commit, its position the _id, the aggregate on the commit, one stream key.
        for (long i = 0; i < 3; i++) {
            db.getCollection("events").insertOne(new Document("_id", i).append("streamKey", "old#" + i)
                    .append("aggregateId", "old").append("aggregateType", "Thing").append("firstSeq", i).append("lastSeq", i)
                    .append("recordedAt", java.util.Date.from(clock.instant())).append("events", List.of(new Document("eventId", "old-" + i)
                            .append("seq", i).append("payloadType", Happened.class.getName()).append("payloadRevision", null)
                            .append("timestamp", clock.instant().toString()).append("payload", new Document("what", "old").append("n", (int) i))
                            .append("metaData", new Document("actor", "tester")))));
        }
        SequencedMongoEventStorageEngine reader = engine(Duration.ofSeconds(5), true);
        assertThat(reader.readEvents("old").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L, 2L);
        assertThat(reader.readEvents((TrackingToken) null, false).map(m -> m.trackingToken().position().orElseThrow())).containsExactly(0L, 1L, 2L);
        reader.appendEvents(event("old", 3));
        assertThatThrownBy(() -> reader.appendEvents(event("old", 2))).isInstanceOf(ConcurrencyException.class);
        assertThat(reader.eventAt(1)).hasValueSatisfying(e -> assertThat(e.eventId()).isEqualTo("old-1"));
        assertThat(reader.headPosition()).isEqualTo(3);
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
