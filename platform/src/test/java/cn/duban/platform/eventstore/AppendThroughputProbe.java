package cn.duban.platform.eventstore;

import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

@Tag("benchmark")
class AppendThroughputProbe {
    public record E(String a, int n) {
    }

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("probe");
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(mongo.connectionString())) {
            JacksonSerializer s = JacksonSerializer.builder().objectMapper(Json.mapper()).build();
            var db = client.getDatabase("raw");
            var c = db.getCollection("c");
            long t = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                db.getCollection("ctr").findOneAndUpdate(com.mongodb.client.model.Filters.eq("_id", "x"), com.mongodb.client.model.Updates.inc("n", 1L),
                        new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true).returnDocument(com.mongodb.client.model.ReturnDocument.BEFORE));
            }
            System.out.printf("PROBE counter %.0f/s%n", 2000 / ((System.nanoTime() - t) / 1e9));
            c.createIndex(com.mongodb.client.model.Indexes.ascending("k"), new com.mongodb.client.model.IndexOptions().unique(true));
            t = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                c.insertOne(new org.bson.Document("_id", (long) i).append("k", "a#" + i).append("events", java.util.List.of(new org.bson.Document("p", new org.bson.Document("x", i)))));
            }
            System.out.printf("PROBE insert %.0f/s%n", 2000 / ((System.nanoTime() - t) / 1e9));
            t = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                mongo.awaitDurable();
            }
            System.out.printf("PROBE commit-noop %.0f/s%n", 2000 / ((System.nanoTime() - t) / 1e9));
            for (boolean durable : new boolean[]{false, true}) {
                SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                        .database(client.getDatabase("p" + durable)).exclusiveWriter(true).durability(durable ? mongo : () -> { })
                        .eventSerializer(s).snapshotSerializer(s).build();
                int n = 2000;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    engine.appendEvents(new GenericDomainEventMessage<>("T", "a" + (i % 50), i / 50, new E("x", i)));
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("PROBE durable=%s %d appends in %.2fs = %.0f/s%n", durable, n, secs, n / secs);
            }
        }
    }
}
