package cn.duban.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A read model kept as one JSON document per subject (a round, a sample, a rectification). Updates
 * are idempotent: each view lists the events it has seen, so a redelivered event changes nothing.
 */
public final class Documents<T> implements WriteBehind {
    private final MongoCollection<Document> collection;
    private final Class<T> type;
    private final Function<T, String> id;
    private final Function<T, List<String>> seen;
    /** Views changed in this batch, by id, in the order first changed; null when writing through. */
    private final Map<String, T> pending;
    private static final String ID_FIELD = "id";
    /** Whether the view has an {@code id} field, which {@link #view} fills from {@code _id} when it was not stored. */
    private final boolean hasIdField;

    public Documents(MongoCollection<Document> collection, Class<T> type, Function<T, String> id, Function<T, List<String>> seen) {
        this(collection, type, id, seen, false);
    }

    private Documents(MongoCollection<Document> collection, Class<T> type, Function<T, String> id, Function<T, List<String>> seen,
                      boolean writeBehind) {
        this.collection = collection;
        this.type = type;
        this.id = id;
        this.seen = seen;
        this.pending = writeBehind ? new LinkedHashMap<>() : null;
        this.hasIdField = Arrays.stream(type.getFields()).anyMatch(f -> f.getName().equals(ID_FIELD));
    }

    /**
     * The same read model, written behind: changes are kept until {@link #flush()} (the end of the
     * processor's batch) and then written in one ordered bulk write, and a view created in the batch
     * is never looked up first. A projection handling one event at a time made two round trips to
     * the store per event, which was most of a rebuild's time (issue 14). Only the processor's
     * thread may use such an instance.
     */
    public Documents<T> writingBehind() {
        return new Documents<>(collection, type, id, seen, true);
    }

    public T find(String key) {
        if (pending != null && pending.containsKey(key)) {
            return pending.get(key);
        }
        Document d = collection.find(Filters.eq("_id", key)).first();
        return d == null ? null : view(d);
    }

    /** How many documents match, counted by the store: nothing decoded. */
    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    public List<T> where(Bson filter) {
        List<T> out = new ArrayList<>();
        collection.find(filter).forEach(d -> out.add(view(d)));
        return out;
    }

    /**
     * Each matching view, with only these fields read, decoded one at a time as the store hands them
     * on (none held). In batches: without one, the embedded server answers a find in one reply, and a
     * million records' keys (96 MB) are more than the driver takes in one (48 MB).
     */
    public void forEach(Bson filter, Bson fields, Consumer<T> each) {
        collection.find(filter).projection(fields).batchSize(FOR_EACH_BATCH).forEach(d -> each.accept(view(d)));
    }

    private static final int FOR_EACH_BATCH = 10_000;

    public List<T> all() {
        return where(new Document());
    }

    /**
     * Creates the view from its first event, unless that event was seen already. Written behind, the
     * store is not asked: a view's first event can only have been stored already if this batch is a
     * redelivery after a crash, and then the batch writes the very view again, and later events
     * apply on top of it as they did.
     */
    public void create(String eventId, T view) {
        if (pending != null ? pending.containsKey(id.apply(view)) : find(id.apply(view)) != null) {
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
        if (pending != null) {
            pending.put(id.apply(v), v);
            return;
        }
        collection.replaceOne(Filters.eq("_id", id.apply(v)), document(id.apply(v), v), new ReplaceOptions().upsert(true));
    }

    /**
     * The view as stored: its key as {@code _id}, and its {@code id} field, when that is the key, only
     * there. A reported record kept its id twice, some 40 bytes of the 300-odd each record takes, and the
     * reported records are the largest read model (issue 14's data files at a million events).
     */
    private Document document(String key, T v) {
        Document d = ReadModelJson.toDocument(v);
        if (key.equals(d.get(ID_FIELD))) {
            d.remove(ID_FIELD);
        }
        d.put("_id", key);
        return d;
    }

    /** The view a stored document holds; a document written before {@link #document} still has its {@code id} and keeps it. */
    private T view(Document d) {
        if (hasIdField && !d.containsKey(ID_FIELD)) {
            d.put(ID_FIELD, d.get("_id"));
        }
        return ReadModelJson.fromDocument(d, type);
    }

    /** The views changed in this batch and not yet written (none unless written behind): what the next {@link #flush()} writes. */
    public java.util.Collection<T> pendingViews() {
        return pending == null ? List.of() : java.util.Collections.unmodifiableCollection(pending.values());
    }

    @Override
    public void flush() {
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(pending.size());
        pending.forEach((key, v) -> {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", key), document(key, v), new ReplaceOptions().upsert(true)));
        });
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        pending.clear();
    }

    @Override
    public void discard() {
        if (pending != null) {
            pending.clear();
        }
    }

    public void drop() {
        discard();
        collection.drop();
    }
}
