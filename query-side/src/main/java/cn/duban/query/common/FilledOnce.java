package cn.duban.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A read model added in a later release, derived from another read model of the same store: a store
 * written before it existed gets it from what is stored, once, before the processors start (its
 * projection's constructor), and a replay fills it from the first event on. A mark document says
 * it is filled; it is written last, so a start cut short, or two processes starting at once, leave
 * the read model whole, each entry having been written whatever was there.
 */
public final class FilledOnce {
    /** The mark's id: a document of no kind and no unit, which the read model's queries do not return. */
    public static final String MARK = "~filled";

    private FilledOnce() {
    }

    /** Unless the collection is marked filled, writes {@code entries} (upserts), then the mark. */
    public static void fill(MongoCollection<Document> collection, Supplier<List<WriteModel<Document>>> entries) {
        fillAsRead(collection, entry -> entries.get().forEach(entry));
    }

    /**
     * As {@link #fill}, for a read model too large to hold in memory at once: {@code entries} hands each
     * entry on as it reads it, and they are written {@value #BATCH} at a time, then the mark.
     */
    public static void fillAsRead(MongoCollection<Document> collection, Consumer<Consumer<WriteModel<Document>>> entries) {
        if (collection.find(Filters.eq("_id", MARK)).first() != null) {
            return;
        }
        List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
        entries.accept(entry -> {
            batch.add(entry);
            if (batch.size() == BATCH) {
                collection.bulkWrite(batch, new BulkWriteOptions().ordered(true));
                batch.clear();
            }
        });
        batch.add(new ReplaceOneModel<>(Filters.eq("_id", MARK), new Document("_id", MARK), new ReplaceOptions().upsert(true)));
        collection.bulkWrite(batch, new BulkWriteOptions().ordered(true));
    }

    private static final int BATCH = 10_000;

    /** Emptied for a replay, which fills it from the first event on: marked filled, so no start fills it again. */
    public static void emptied(MongoCollection<Document> collection) {
        collection.drop();
        collection.insertOne(new Document("_id", MARK));
    }

    /** Every document but the mark. */
    public static Bson entries() {
        return Filters.ne("_id", MARK);
    }
}
