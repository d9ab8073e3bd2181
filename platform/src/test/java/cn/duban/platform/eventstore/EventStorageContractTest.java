package cn.duban.platform.eventstore;

import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Axon's aggregates, tracking processors and snapshotters expect of a storage engine, checked
 * against ours with production settings, once per allocator: the exclusive writer of the embedded
 * default and the shared counter of a replica set. Written from the behaviour Axon documents for
 * {@code EventStorageEngine}, nothing switched off.
 */
class EventStorageContractTest {
    public record Happened(String what, int n) {
    }

    static final String AGGREGATE = "aggregate";

    @Nested
    class WithAnExclusiveWriter extends Contract {
        @Override
        boolean exclusive() {
            return true;
        }
    }

    @Nested
    class WithASharedCounter extends Contract {
        @Override
        boolean exclusive() {
            return false;
        }
    }

    abstract static class Contract {
        @TempDir
        Path dir;
        EmbeddedMongo mongo;
        MongoClient client;
        MongoDatabase db;
        SequencedMongoEventStorageEngine engine;

        abstract boolean exclusive();

        @BeforeEach
        void start() {
            mongo = EmbeddedMongo.start(dir, 0);
            client = MongoClients.create(mongo.connectionString());
            db = client.getDatabase("contract");
            engine = engine(b -> b);
        }

        @AfterEach
        void stop() {
            client.close();
            mongo.close();
        }

        SequencedMongoEventStorageEngine engine(UnaryOperator<SequencedMongoEventStorageEngine.Builder> customize) {
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
            return customize.apply(SequencedMongoEventStorageEngine.builder().database(db).durability(mongo)
                    .exclusiveWriter(exclusive()).eventSerializer(serializer).snapshotSerializer(serializer)).build();
        }

        static DomainEventMessage<Happened> event(String aggregate, long seq) {
            return event(UUID.randomUUID().toString(), aggregate, seq, Instant.now());
        }

        static DomainEventMessage<Happened> event(long seq, Instant timestamp) {
            return event(UUID.randomUUID().toString(), AGGREGATE, seq, timestamp);
        }

        static DomainEventMessage<Happened> event(String id, String aggregate, long seq) {
            return event(id, aggregate, seq, Instant.now());
        }

        static DomainEventMessage<Happened> event(String id, String aggregate, long seq, Instant timestamp) {
            return new GenericDomainEventMessage<>("Thing", aggregate, seq, new Happened(aggregate, (int) seq),
                    MetaData.with("actor", "tester"), id, timestamp);
        }

        static List<DomainEventMessage<?>> events(int n) {
            return IntStream.range(0, n).<DomainEventMessage<?>>mapToObj(i -> event(AGGREGATE, i)).toList();
        }

        List<String> idsFrom(TrackingToken token) {
            return engine.readEvents(token, false).map(EventMessage::getIdentifier).toList();
        }

        static List<String> ids(List<? extends EventMessage<?>> messages) {
            return messages.stream().map(EventMessage::getIdentifier).toList();
        }

        @Test
        void storesAndLoadsTheEventsOfEachAggregate() {
            engine.appendEvents(events(4));
            engine.appendEvents(event("other", 0));
            assertThat(engine.readEvents(AGGREGATE).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L, 2L, 3L);
            assertThat(engine.readEvents("other").asStream().count()).isEqualTo(1);
            assertThat(engine.readEvents(UUID.randomUUID().toString()).asStream()).isEmpty();
        }

        @Test
        void loadsWhatWasStoredPayloadMetadataTimestampAndType() {
            Instant given = Instant.parse("2023-06-30T01:02:03.456789Z");
            DomainEventMessage<Happened> stored = event("e-1", AGGREGATE, 0, given);
            engine.appendEvents(stored);
            DomainEventMessage<?> read = engine.readEvents(AGGREGATE).next();
            assertThat(read.getIdentifier()).isEqualTo("e-1");
            assertThat(read.getPayload()).isEqualTo(new Happened(AGGREGATE, 0));
            assertThat(read.getType()).isEqualTo("Thing");
            // Axon keeps message timestamps to the millisecond.
            assertThat(read.getTimestamp()).as("the message's own timestamp, not the recording time")
                    .isEqualTo(given.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(read.getMetaData()).containsEntry("actor", "tester").containsKey(RecordingTime.METADATA_KEY);
            assertThat(RecordingTime.of(read)).isAfter(given);
            TrackedEventMessage<?> tracked = engine.readEvents(null, false).findFirst().orElseThrow();
            assertThat(tracked.getTimestamp()).isEqualTo(read.getTimestamp());
            // Metadata of a read message behaves like any message's: replaced or combined, never shared.
            DomainEventMessage<?> altered = read.withMetaData(MetaData.with("key2", "v"));
            assertThat(altered.getMetaData()).containsOnlyKeys("key2");
            assertThat(read.andMetaData(MetaData.with("key2", "v")).getMetaData()).containsKeys("actor", "key2");
        }

        @Test
        void anEventOfNoAggregateReadsBackAsAPlainEventMessage() {
            engine.appendEvents(new GenericEventMessage<>("application event", MetaData.with("key", "value")));
            List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
            assertThat(read).hasSize(1);
            assertThat(read.get(0)).isNotInstanceOf(DomainEventMessage.class);
            assertThat(read.get(0).getPayload()).isEqualTo("application event");
            assertThat(read.get(0).getMetaData()).containsEntry("key", "value");
        }

        @Test
        void readsAPartialStreamFromASequenceNumber() {
            engine.appendEvents(events(5));
            assertThat(engine.readEvents(AGGREGATE, 2).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(2L, 3L, 4L);
        }

        @Test
        void readsAnAggregateStreamLongerThanOneBatchWrittenInOneCommitAndInMany() {
            int n = engine.batchSize() + 10;
            engine.appendEvents(events(n));
            engine.appendEvents(new GenericEventMessage<>("unrelated"));
            for (int i = n; i < 2 * n; i++) {
                engine.appendEvents(event(AGGREGATE, i));
            }
            List<Long> seqs = engine.readEvents(AGGREGATE).asStream().map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(seqs).hasSize(2 * n).startsWith(0L).endsWith(2L * n - 1);
            assertThat(engine.readEvents(AGGREGATE, n - 5).asStream().count()).isEqualTo(n + 5);
            assertThat(engine.lastSequenceNumberFor(AGGREGATE)).contains(2L * n - 1);
        }

        @Test
        void readsAnOpenStreamLongerThanOneBatch() {
            int n = engine.batchSize() + 10;
            engine.appendEvents(events(n));
            GenericEventMessage<String> last = new GenericEventMessage<>("last");
            engine.appendEvents(last);
            List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
            assertThat(all).hasSize(n + 1);
            assertThat(all.get(n).getIdentifier()).isEqualTo(last.getIdentifier());
        }

        @Test
        void everyEventOfAMultiEventCommitHasItsOwnPositionAndAProcessorResumesAfterAnyOfThem() {
            List<DomainEventMessage<?>> commit = events(5);
            engine.appendEvents(commit);
            engine.appendEvents(event("after", 0));
            List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
            assertThat(all).extracting(m -> m.trackingToken().position().orElseThrow()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            for (int i = 0; i < all.size(); i++) {
                assertThat(idsFrom(all.get(i).trackingToken())).as("resumed after event %d", i).isEqualTo(ids(all.subList(i + 1, all.size())));
            }
        }

        @Test
        void aCommitOfSeveralAggregatesIsOneAtomicWriteInOrder() {
            List<EventMessage<?>> unitOfWork = new ArrayList<>();
            unitOfWork.add(event("a", 0));
            unitOfWork.add(event("b", 0));
            unitOfWork.add(event("a", 1));
            unitOfWork.add(new GenericEventMessage<>("note"));
            engine.appendEvents(unitOfWork);
            assertThat(db.getCollection(SequencedMongoEventStorageEngine.EVENTS).countDocuments()).isEqualTo(1);
            assertThat(idsFrom(null)).isEqualTo(ids(unitOfWork));
            assertThat(engine.readEvents("a").asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);
            // A failure of any part stores nothing of it.
            assertThatThrownBy(() -> engine.appendEvents(event("c", 0), event("a", 1))).isInstanceOf(ConcurrencyException.class);
            assertThat(engine.readEvents("c").asStream()).isEmpty();
        }

        @Test
        void snapshotsAreStoredAndOnlyANewerOneReplacesTheStoredOne() {
            engine.storeSnapshot(event(AGGREGATE, 0));
            engine.storeSnapshot(event(AGGREGATE, 1));
            engine.storeSnapshot(event(AGGREGATE, 3));
            engine.storeSnapshot(event(AGGREGATE, 2));
            assertThat(engine.readSnapshot(AGGREGATE)).hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(3));
            assertThat(engine.readSnapshot("nobody")).isEmpty();
        }

        @Test
        void snapshotFiltersDecideWhichSnapshotsAreUsed() {
            SequencedMongoEventStorageEngine allowing = engine(b -> b.snapshotFilter(SnapshotFilter.allowAll()));
            allowing.storeSnapshot(event(AGGREGATE, 1));
            assertThat(allowing.readSnapshot(AGGREGATE)).isPresent();
            assertThat(engine(b -> b.snapshotFilter(SnapshotFilter.rejectAll())).readSnapshot(AGGREGATE)).isEmpty();
            assertThat(engine(b -> b.snapshotFilter(SnapshotFilter.allowAll().combine(SnapshotFilter.rejectAll()))).readSnapshot(AGGREGATE)).isEmpty();
        }

        @Test
        void anUpcasterSeesEveryStoredEventOfAStream() {
            EventUpcaster doubling = stream -> stream.flatMap(e -> Stream.of(e, e));
            SequencedMongoEventStorageEngine upcasting = engine(b -> b.upcasterChain(doubling));
            upcasting.appendEvents(events(4));
            List<? extends DomainEventMessage<?>> read = upcasting.readEvents(AGGREGATE).asStream().toList();
            assertThat(read).hasSize(8);
            for (int i = 0; i < 8; i += 2) {
                assertThat(read.get(i).getSequenceNumber()).isEqualTo(read.get(i + 1).getSequenceNumber());
                assertThat(read.get(i).getPayload()).isEqualTo(read.get(i + 1).getPayload());
            }
            assertThat(upcasting.readEvents(null, false).count()).isEqualTo(8);
        }

        @Test
        void tracksEventsInOrderAndFromAnyToken() {
            engine.appendEvents(events(4));
            DomainEventMessage<?> other = event("other", 0);
            engine.appendEvents(other);
            List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
            assertThat(all).hasSize(5);
            assertThat(all.get(4).getIdentifier()).isEqualTo(other.getIdentifier());
            assertThat(engine.readEvents(all.get(0).trackingToken(), false).count()).isEqualTo(4);
        }

        @Test
        void tailHeadAndInstantTokensFollowAxonsContract() {
            DomainEventMessage<?> e1 = event(0, Instant.parse("2007-12-03T10:15:30Z"));
            DomainEventMessage<?> e2 = event(1, Instant.parse("2007-12-03T10:15:40Z"));
            DomainEventMessage<?> e3 = event(2, Instant.parse("2007-12-03T10:15:50Z"));
            DomainEventMessage<?> e4 = event(3, Instant.parse("2007-12-03T10:15:45Z"));
            DomainEventMessage<?> e5 = event(4, Instant.parse("2007-12-03T10:15:42Z"));
            engine.appendEvents(e1, e2, e3);
            engine.appendEvents(e4, e5);
            assertThat(idsFrom(engine.createTailToken())).isEqualTo(ids(List.of(e1, e2, e3, e4, e5)));
            assertThat(idsFrom(engine.createHeadToken())).isEmpty();
            assertThat(idsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:30Z")))).as("exact time").isEqualTo(ids(List.of(e1, e2, e3, e4, e5)));
            assertThat(idsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:35Z")))).isEqualTo(ids(List.of(e2, e3, e4, e5)));
            // Timestamps out of order: from the first event at or after the instant, everything after it.
            assertThat(idsFrom(engine.createTokenAt(Instant.parse("2007-12-03T10:15:45Z")))).isEqualTo(ids(List.of(e3, e4, e5)));
            assertThat(idsFrom(engine.createTokenAt(Instant.parse("2030-01-01T00:00:00Z")))).isEmpty();
        }

        @Test
        void aRepeatedEventIdentifierIsRefusedAsAConflict() {
            assertThatThrownBy(() -> engine.appendEvents(event("id", AGGREGATE, 0), event("id", "other", 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);
            engine.appendEvents(event("first", AGGREGATE, 0));
            assertThatThrownBy(() -> engine.appendEvents(event("id2", AGGREGATE, 1), event("id2", "other", 1)))
                    .isInstanceOf(ConcurrencyException.class);
            // Across commits, by the unique index.
            assertThatThrownBy(() -> engine.appendEvents(event("first", "third", 0))).isInstanceOf(AggregateStreamCreationException.class);
            engine.appendEvents(event("x", "fourth", 0));
            assertThatThrownBy(() -> engine.appendEvents(event("x", AGGREGATE, 1))).isInstanceOf(ConcurrencyException.class);
            assertThat(engine.readEvents(null, false).count()).isEqualTo(2);
        }

        @Test
        void aRepeatedOrMissingSequenceNumberIsRefusedAsAConflict() {
            assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 0), event(AGGREGATE, 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);
            engine.appendEvents(event(AGGREGATE, 0));
            assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 1), event(AGGREGATE, 1))).isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 1), event(AGGREGATE, 3))).isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 2))).as("skips 1").isInstanceOf(ConcurrencyException.class);
            assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 0))).isInstanceOf(AggregateStreamCreationException.class);
            engine.appendEvents(event(AGGREGATE, 1), event(AGGREGATE, 2));
            // A stale writer that starts inside a stored commit collides too.
            assertThatThrownBy(() -> engine.appendEvents(event(AGGREGATE, 2), event(AGGREGATE, 3))).isInstanceOf(ConcurrencyException.class);
            // A fresh engine (another process) knows nothing in memory and still refuses a skip.
            assertThatThrownBy(() -> engine(b -> b).appendEvents(event(AGGREGATE, 5))).isInstanceOf(ConcurrencyException.class);
            assertThat(engine.readEvents(AGGREGATE).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L, 2L);
            assertThat(engine.readEvents(null, false).count()).isEqualTo(3);
        }

        @Test
        void withoutAnExceptionResolverADuplicateIsAStoreError() {
            SequencedMongoEventStorageEngine plain = engine(b -> b.persistenceExceptionResolver(e -> false));
            plain.appendEvents(event(AGGREGATE, 0));
            assertThatThrownBy(() -> plain.appendEvents(event(AGGREGATE, 0))).isInstanceOf(EventStoreException.class);
        }
    }
}
