package cn.duban.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model kept as one JSON document per subject (a round, a sample, a rectification). Updates
 * are idempotent: each view lists the events it has seen, so a redelivered event changes nothing.
 */
public final class Documents<T> {
    private final MongoCollection<Document> collection;
    private final Class<T> type;
    private final Function<T, String> id;
    private final Function<T, List<String>> seen;

    public Documents(MongoCollection<Document> collection, Class<T> type, Function<T, String> id, Function<T, List<String>> seen) {
        this.collection = collection;
        this.type = type;
        this.id = id;
        this.seen = seen;
    }

    public T find(String key) {
        Document d = collection.find(Filters.eq("_id", key)).first();
        return d == null ? null : ReadModelJson.fromDocument(d, type);
    }

    public List<T> where(Bson filter) {
        List<T> out = new ArrayList<>();
        collection.find(filter).forEach(d -> out.add(ReadModelJson.fromDocument(d, type)));
        return out;
    }

    public List<T> all() {
        return where(new Document());
    }

    /** Creates the view from its first event, unless that event was seen already. */
    public void create(String eventId, T view) {
        if (find(id.apply(view)) != null) {
            return;
        }
        seen.apply(view).add(eventId);
        save(view);
    }

    /** Applies a later event to an existing view, once. */
    public void update(String key, String eventId, Consumer<T> change) {
        T v = find(key);
        if (v == null) {
            throw new IllegalStateException("Event " + eventId + " for unknown " + type.getSimpleName() + " " + key);
        }
        if (seen.apply(v).contains(eventId)) {
            return;
        }
        change.accept(v);
        seen.apply(v).add(eventId);
        save(v);
    }

    public void save(T v) {
        Document d = ReadModelJson.toDocument(v);
        d.put("_id", id.apply(v));
        collection.replaceOne(Filters.eq("_id", id.apply(v)), d, new ReplaceOptions().upsert(true));
    }

    public void drop() {
        collection.drop();
    }
}
