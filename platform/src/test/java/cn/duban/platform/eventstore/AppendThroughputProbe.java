package cn.duban.platform.eventstore;

import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends per second on the embedded server, one thread, one event per commit (50 aggregates), with
 * and without the per-append H2 commit, beside raw {@code insertOne} of a similar document into the
 * same server (the limit). Each figure is measured after a warm-up of 1,000 appends. Not a test:
 * {@code mvn -Dbenchmarks test -pl platform -Dtest=AppendThroughputProbe}.
 */
@Tag("benchmark")
class AppendThroughputProbe {
    public record E(String a, int n) {
    }

    /** Wall time and the whole process's CPU time (server threads included) from its start. */
    record Lap(long wall, long cpu) {
        static Lap start() {
            return new Lap(System.nanoTime(), processCpu());
        }

        String per(int operations) {
            double seconds = (System.nanoTime() - wall) / 1e9;
            return String.format("%.0f/s cpu=%.0fµs/op", operations / seconds, (processCpu() - cpu) / 1e3 / operations);
        }

        private static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    static final int WARM_UP = 1_000;
    static final int MEASURED = 4_000;

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("probe");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            JacksonSerializer s = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
            for (boolean durable : new boolean[]{false, true}) {
                var raw = client.getDatabase("raw" + durable).getCollection("c");
                raw.createIndex(com.mongodb.client.model.Indexes.ascending("k"), new com.mongodb.client.model.IndexOptions().unique(true));
                Lap t = null;
                for (int i = 0; i < WARM_UP + MEASURED; i++) {
                    if (i == WARM_UP) {
                        t = Lap.start();
                    }
                    raw.insertOne(new Document("_id", (long) i).append("k", "a" + (i % 50) + "#" + i / 50)
                            .append("events", List.of(new Document("eventId", java.util.UUID.randomUUID().toString())
                                    .append("payload", new Document("a", "x").append("n", i)).append("metaData", new Document("actor", "probe")))));
                    if (durable) {
                        mongo.awaitDurable();
                    }
                }
                System.out.printf("PROBE raw insertOne durable=%s %s%n", durable, t.per(MEASURED));
                SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                        .database(client.getDatabase("engine" + durable)).exclusiveWriter(true).durability(durable ? mongo : () -> { })
                        .eventSerializer(s).snapshotSerializer(s).build();
                for (int i = 0; i < WARM_UP + MEASURED; i++) {
                    if (i == WARM_UP) {
                        t = Lap.start();
                    }
                    engine.appendEvents(new GenericDomainEventMessage<>("T", "a" + (i % 50), i / 50, new E("x", i), MetaData.with("actor", "probe")));
                }
                System.out.printf("PROBE engine append durable=%s %s%n", durable, t.per(MEASURED));
            }
            // Four writers at once, durable: what concurrent commands pay (group commit shares H2's commits).
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                    .database(client.getDatabase("engine4")).exclusiveWriter(true).durability(mongo)
                    .eventSerializer(s).snapshotSerializer(s).build();
            int threads = 4;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            for (int round = 0; round < 2; round++) {
                int perThread = round == 0 ? WARM_UP / threads : MEASURED / threads;
                int r = round;
                Lap t0 = Lap.start();
                java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            engine.appendEvents(new GenericDomainEventMessage<>("T", "w" + writer + "-" + r + "-" + (i % 20), i / 20,
                                    new E("x", i), MetaData.with("actor", "probe")));
                        }
                        return null;
                    }));
                }
                for (var f : done) {
                    f.get();
                }
                if (round == 1) {
                    System.out.printf("PROBE engine append durable=true threads=4 %s%n", t0.per(MEASURED));
                }
            }
            pool.shutdown();
        }
    }
}
