package cn.duban.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bulk load (the demo) commits once, at its end, before it returns; meanwhile its appends do not
 * each wait for a commit, and everyone else's still do.
 */
class DurableTogetherTest {

    @TempDir
    Path dataDir;

    @Test
    void aBulkLoadsWritesAreCommittedTogetherWhenItEndsAndOthersStillCommitTheirOwn() throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("duban").getCollection("events");
            events.insertOne(new Document("_id", 0));
            // Just committed: the syncer's own commit is not due for a second, and the load's few
            // inserts below take milliseconds (a commit by the syncer meanwhile would fail the first check).
            mongo.awaitDurable();

            String loaded = mongo.durableTogether(() -> {
                for (int i = 1; i <= 5; i++) {
                    events.insertOne(new Document("_id", i));
                    mongo.awaitDurable();
                }
                // The load's appends returned without a commit,
                assertThat(mongo.hasUncommittedChanges()).as("the load's writes wait for its end").isTrue();
                // while another thread's append still waits for its own (which takes the load's along).
                CompletableFuture.runAsync(() -> {
                    events.insertOne(new Document("_id", "beside the load"));
                    mongo.awaitDurable();
                }).orTimeout(10, TimeUnit.SECONDS).join();
                assertThat(mongo.hasUncommittedChanges()).as("another thread's append committed").isFalse();
                events.insertOne(new Document("_id", 6));
                mongo.awaitDurable();
                assertThat(mongo.hasUncommittedChanges()).isTrue();
                return "loaded";
            });

            assertThat(loaded).isEqualTo("loaded");
            assertThat(mongo.hasUncommittedChanges()).as("committed before the load returned").isFalse();
            // The thread is itself again: its next append commits before it returns.
            events.insertOne(new Document("_id", 7));
            mongo.awaitDurable();
            assertThat(mongo.hasUncommittedChanges()).isFalse();
        } finally {
            mongo.close();
        }
    }

    @Test
    void aLoadThatFailsLeavesTheThreadCommittingItsOwnAppendsAgain() throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("duban").getCollection("events");
            assertThatThrownBy(() -> mongo.durableTogether(() -> {
                throw new IllegalStateException("the demo could not be loaded");
            })).hasMessage("the demo could not be loaded");
            events.insertOne(new Document("_id", 1));
            mongo.awaitDurable();
            assertThat(mongo.hasUncommittedChanges()).isFalse();
        } finally {
            mongo.close();
        }
    }
}
