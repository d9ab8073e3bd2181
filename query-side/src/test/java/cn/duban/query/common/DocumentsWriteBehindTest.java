package cn.duban.query.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model written behind: a batch's creates and updates are seen by the projection at once,
 * stored only when the batch ends, dropped when it fails, and a batch handled again after a crash
 * leaves the same documents.
 */
class DocumentsWriteBehindTest extends ProjectionTestBase {
    public static final class View {
        public String id;
        public int count;
        public List<String> seen = new ArrayList<>();
    }

    Documents<View> store() {
        return new Documents<>(harness.db.getCollection("write_behind_test"), View.class, v -> v.id, v -> v.seen);
    }

    static View view(String id) {
        View v = new View();
        v.id = id;
        return v;
    }

    @Test
    void aBatchIsStoredWhenItEndsAndDroppedWhenItFails() {
        Documents<View> reader = store();
        Documents<View> projection = store().writingBehind();
        projection.create("e1", view("r1"));
        projection.update("r1", "e2", v -> v.count++);
        assertThat(projection.find("r1").count).as("the projection sees its own batch").isEqualTo(1);
        assertThat(reader.find("r1")).as("nothing stored before the batch ends").isNull();
        projection.flush();
        assertThat(reader.find("r1").count).isEqualTo(1);
        assertThat(reader.find("r1").seen).containsExactly("e1", "e2");

        projection.update("r1", "e3", v -> v.count++);
        projection.discard();
        assertThat(projection.find("r1").count).as("a failed batch leaves the stored view").isEqualTo(1);

        // The first batch again, as after a crash before its token was stored: the same document.
        projection.create("e1", view("r1"));
        projection.update("r1", "e2", v -> v.count++);
        projection.flush();
        assertThat(reader.find("r1").count).isEqualTo(1);
        assertThat(reader.find("r1").seen).containsExactly("e1", "e2");
        // A redelivered later event is still applied once.
        projection.update("r1", "e2", v -> v.count++);
        projection.flush();
        assertThat(reader.find("r1").count).isEqualTo(1);
    }

    /** A view keyed by its id keeps the id once, as _id, and reads back whole; one stored with it twice still reads. */
    @Test
    void aViewKeyedByItsIdStoresItOnceAndReadsItBack() {
        var collection = harness.db.getCollection("write_behind_test");
        Documents<View> projection = store().writingBehind();
        projection.create("e1", view("r1"));
        projection.flush();
        store().create("e2", view("r2"));

        for (String key : List.of("r1", "r2")) {
            org.bson.Document stored = collection.find(new org.bson.Document("_id", key)).first();
            assertThat(stored).as("stored as written behind and through").doesNotContainKey("id").containsEntry("_id", key);
            assertThat(store().find(key).id).isEqualTo(key);
        }
        collection.insertOne(new org.bson.Document("_id", "r3").append("id", "r3").append("count", 2).append("seen", List.of("e3")));
        assertThat(store().find("r3").id).isEqualTo("r3");
        assertThat(store().all()).extracting(v -> v.id).containsExactlyInAnyOrder("r1", "r2", "r3");
    }
}
