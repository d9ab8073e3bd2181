package cn.duban.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code _id} index that keeps no string keys ({@link DocumentKeyedIdIndex}): every look-up and
 * every uniqueness check answers as mongo-java-server's own index did, for string and other keys, on a
 * new store and on one written before it, whose string keys it drops once.
 */
class DocumentKeyedIdIndexTest {

    @TempDir
    Path dataDir;

    private static void duplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    /** What both stores must answer: the documents by every kind of key, and every duplicate refused. */
    private static final Consumer<MongoCollection<Document>> ANSWERS_AS_MONGODB = items -> {
        for (int i = 0; i < 300; i++) {
            assertThat(items.find(Filters.eq("_id", "key-" + i)).first()).extracting(d -> d.get("n")).isEqualTo(i);
        }
        duplicate(() -> items.insertOne(new Document("_id", "key-17").append("n", -1)));
        // A number finds its equal of another type, and is refused as a duplicate of it, as MongoDB does.
        assertThat(items.find(Filters.eq("_id", 7L)).first()).extracting(d -> d.get("n")).isEqualTo(1007);
        assertThat(items.find(Filters.eq("_id", 7.0)).first()).extracting(d -> d.get("n")).isEqualTo(1007);
        duplicate(() -> items.insertOne(new Document("_id", 7L)));
        duplicate(() -> items.insertOne(new Document("_id", 8.0)));
        assertThat(items.find(Filters.in("_id", "key-3", "key-299", "nowhere", 8L)).map(d -> d.get("n")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder(3, 299, 1008);
        assertThat(items.find(Filters.regex("_id", Pattern.compile("^key-29\\d$"))).map(d -> d.get("n")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder(290, 291, 292, 293, 294, 295, 296, 297, 298, 299);
        // A condition beside the _id, and a range of string keys.
        assertThat(items.find(Filters.and(Filters.eq("_id", "key-5"), Filters.eq("n", 5))).first()).isNotNull();
        assertThat(items.find(Filters.and(Filters.eq("_id", "key-5"), Filters.eq("n", 6))).first()).isNull();
        assertThat(items.find(Filters.and(Filters.gte("_id", "key-10"), Filters.lt("_id", "key-11"))).sort(Sorts.descending("_id"))
                .map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactly("key-109", "key-108", "key-107", "key-106", "key-105", "key-104", "key-103", "key-102", "key-101", "key-100", "key-10");
    };

    private static void fill(MongoCollection<Document> items) {
        for (int i = 0; i < 300; i++) {
            items.insertOne(new Document("_id", "key-" + i).append("n", i));
        }
        for (int i = 0; i < 10; i++) {
            items.insertOne(new Document("_id", i).append("n", 1000 + i));
        }
        items.insertOne(new Document("_id", new ObjectId()).append("n", 2000));
    }

    @Test
    void stringKeysAreFoundInTheDocumentsAndOtherKeysInTheIndexWithEveryDuplicateRefused() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
            fill(items);
            ANSWERS_AS_MONGODB.accept(items);
            // A key removed is free again, and only that one.
            assertThat(items.deleteOne(Filters.eq("_id", "key-17")).getDeletedCount()).isEqualTo(1);
            assertThat(items.deleteOne(Filters.eq("_id", 3)).getDeletedCount()).isEqualTo(1);
            assertThat(items.find(Filters.eq("_id", "key-17")).first()).isNull();
            items.insertOne(new Document("_id", "key-17").append("n", 17));
            items.insertOne(new Document("_id", 3L).append("n", 1003));
            duplicate(() -> items.insertOne(new Document("_id", 3)));
            // Upserts and a delete of many go through the index as well.
            items.replaceOne(Filters.eq("_id", "new"), new Document("n", 5000), new ReplaceOptions().upsert(true));
            duplicate(() -> items.insertOne(new Document("_id", "new")));
            assertThat(items.deleteMany(Filters.regex("_id", "^key-2\\d\\d$")).getDeletedCount()).isEqualTo(100);
            assertThat(items.countDocuments()).isEqualTo(300 + 10 + 1 + 1 - 100);
            items.insertOne(new Document("_id", "key-250").append("n", 250));
        }
        // The index's own map holds the 10 numbers and the ObjectId, none of the strings.
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("duban.mv.db").toString()).readOnly().open();
        try {
            assertThat(store.openMap("duban.items._index__id_", new org.h2.mvstore.MVMap.Builder<Object, Object>().keyType(new IndexKeyOrder())).sizeAsLong()).isEqualTo(11);
        } finally {
            store.close();
        }
    }

    @Test
    void aStoreWrittenWithEveryKeyInItsIndexDropsTheStringsOnceAndAnswersAsBefore() {
        // Written by mongo-java-server's own backend, as every release before this one did.
        H2Backend plain = new H2Backend(dataDir.resolve("duban.mv.db").toString());
        MongoServer server = new MongoServer(plain);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            fill(client.getDatabase("duban").getCollection("items"));
        } finally {
            plain.commit();
            server.shutdownNow();
        }
        MVStore written = new MVStore.Builder().fileName(dataDir.resolve("duban.mv.db").toString()).readOnly().open();
        assertThat(written.openMap("duban.items._index__id_").sizeAsLong()).isEqualTo(311);
        written.close();

        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0);
                 MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> items = client.getDatabase("duban").getCollection("items");
                ANSWERS_AS_MONGODB.accept(items);
                items.insertOne(new Document("_id", "started-" + start));
                items.insertOne(new Document("_id", 100L + start));
            }
        }
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("duban.mv.db").toString()).readOnly().open();
        try {
            List<Object> kept = new ArrayList<>(store.openMap("duban.items._index__id_", new org.h2.mvstore.MVMap.Builder<Object, Object>().keyType(new IndexKeyOrder())).keySet());
            assertThat(kept).hasSize(13).noneMatch(k -> k.toString().contains("\""));
        } finally {
            store.close();
        }
    }
}
