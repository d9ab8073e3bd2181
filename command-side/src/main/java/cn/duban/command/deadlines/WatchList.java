package cn.duban.command.deadlines;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/** A set of ids the deadline scheduler must ask about, kept in one collection; idempotent under redelivery. */
public final class WatchList {
    /** The one tracking processor that keeps every watch list (assignments, rectifications, scheme reporting). */
    public static final String GROUP = "deadline-watch";

    private final MongoCollection<Document> ids;

    public WatchList(MongoCollection<Document> ids) {
        this.ids = ids;
    }

    public void watch(String id) {
        ids.replaceOne(Filters.eq("_id", id), new Document("_id", id), new ReplaceOptions().upsert(true));
    }

    public void unwatch(String id) {
        ids.deleteOne(Filters.eq("_id", id));
    }

    /** In id order, so every round asks in the same order. */
    public List<String> ids() {
        List<String> out = new ArrayList<>();
        ids.find().forEach(d -> out.add(d.getString("_id")));
        out.sort(String::compareTo);
        return out;
    }

    public void drop() {
        ids.drop();
    }
}
