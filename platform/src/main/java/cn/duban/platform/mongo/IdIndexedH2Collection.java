package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * mongo-java-server's H2 collection, answering by {@code _id} two kinds of query it would otherwise
 * answer by reading every document of the collection (issue 14: such reads grow with the store).
 *
 * <p><b>One {@code _id} among other conditions</b> ({@code {_id: k, state: "PENDING"}}): mongo-java-server
 * uses an index only when the query names exactly the index's fields, so the idempotency keys,
 * notifications and webhook deliveries were each read whole to change one document. Here the
 * {@code _id} index narrows such a query to the one document, which then must match the rest.
 *
 * <p><b>A sort on {@code _id} alone</b>: answered by walking the documents in key order and
 * stopping at the limit. mongo-java-server reads and sorts every document for any sort no index
 * look-up answers: the event store's highest position ({@code find().sort({_id: -1}).limit(1)},
 * once per start) read every commit of a million-event store for 13.5 s, holding the collection's
 * lock meanwhile, so the first command after a restart waited behind it.
 *
 * <p>The documents map is keyed by {@code _id} under H2's generic order, which sorts by type first
 * and then by each type's natural order. That agrees with MongoDB's order when every key is a
 * {@code Long} (the event store's positions) or every key an {@code Integer}; since keys are grouped
 * by type, the first and last key having one such type means all have it. Any other collection, or
 * a sort on anything else, is answered as before.
 *
 * <p><b>A stored document is never changed in place.</b> mongo-java-server updates a document by
 * writing the new fields into the object it found, the one the collection's map holds; a commit
 * writing that map's pages meanwhile could take half an update, and one that took the map's root
 * before the update could take it whole. Here an update finds copies instead, and stores its copy
 * as a new value (see {@code OrderedIndexH2Backend#cut}). A shallow copy is enough: the update
 * builds its new values from a deep copy and only puts and removes fields of the document found.
 */
final class IdIndexedH2Collection extends H2Collection {
    private final MVMap<Object, Document> documents;
    /** True while this collection updates documents, under its lock: the documents it finds are copies. */
    private boolean updating;

    IdIndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        if (!isMulti && oplog instanceof NoopOplog) {
            String replaced = replacedId(selector, updateQuery);
            if (replaced != null) {
                return replaceById(replaced, updateQuery, isUpsert);
            }
            String appended = appendedId(selector, updateQuery);
            Document result = appended != null ? appendById(appended, updateQuery, isUpsert) : null;
            if (result != null) {
                return result;
            }
        }
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    /**
     * {@code replaceOne({_id: "k"}, document)}, as every read model is written, in a collection whose only
     * index is {@code _id}'s: the key does not change, so there is no index to touch. mongo-java-server
     * copies the stored document deeply, builds the new one as a deep copy of the replacement, compares
     * the two and works out every index's keys of both: the embedded server's handling of such writes
     * was the largest part of its work during a rebuild (issue 14). Keys other than strings (a number
     * matches its equal of another type) and anything else go the general way: for them this answers null.
     */
    private String replacedId(Document selector, Document replacement) {
        if (selector.size() != 1 || !(selector.get("_id") instanceof String id)) {
            return null;
        }
        for (String field : replacement.keySet()) {
            if (field.startsWith("$") || field.contains(".")) {
                return null;
            }
        }
        Object given = replacement.get("_id");
        return (given == null || id.equals(given)) && onlyIdIndexed() ? id : null;
    }

    /** Whether the collection's only index is {@code _id}'s: then a write that keeps the key touches no index. */
    private boolean onlyIdIndexed() {
        List<Index<Object>> indexes = getIndexes();
        return indexes.size() == 1 && indexes.get(0) == idIndex();
    }

    /** As mongo-java-server answers a replacement: the document stored with {@code _id} first, and {@code n}, {@code nModified} and {@code upserted}. */
    private Document replaceById(String id, Document replacement, boolean isUpsert) {
        Document stored = new Document("_id", id);
        replacement.forEach((field, value) -> {
            if (!field.equals("_id")) {
                stored.put(field, value);
            }
        });
        return storeById(id, documents.get(id), stored, isUpsert, false);
    }

    /**
     * Stores {@code stored} as the new version of {@code old} (none: added if upserting) and answers
     * as mongo-java-server answers an update: {@code upserted}, {@code n} and {@code nModified}.
     */
    private Document storeById(String id, Document old, Document stored, boolean isUpsert, boolean surelyChanged) {
        Document result = new Document();
        if (old == null) {
            if (isUpsert) {
                addDocument(stored);
                result.put("upserted", id);
            }
            result.put("n", 0);
            result.put("nModified", 0);
            return result;
        }
        boolean changed = surelyChanged || !stored.equals(old);
        if (changed) {
            handleUpdate(id, old, stored);
        }
        result.put("n", 1);
        result.put("nModified", changed ? 1 : 0);
        return result;
    }

    /**
     * {@code updateOne({_id: "k"}, {$set: {…}, $push: {f: {$each: […]}}})}, as each chunked log of the
     * read models (a unit's facts, a timeline, the audit trail) takes its new entries, in a collection
     * whose only index is {@code _id}'s. mongo-java-server copies the stored chunk deeply twice (the old
     * document kept aside, then the one it builds), though only its top level and the one list change:
     * 14 % of the samples of 4-client commands at 100k went into those updates (issue 14). Here the new
     * document is the old one's top level copied, with each set field put as mongo-java-server puts it
     * (a value equal to the old one under its comparison keeps the old one) and each pushed list copied
     * with the new entries after it; the values themselves are shared, which is safe because a stored
     * document is never changed in place (see the class comment). Null for any other update.
     */
    private String appendedId(Document selector, Document update) {
        if (selector.size() != 1 || !(selector.get("_id") instanceof String id) || update.isEmpty()) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        for (var operator : update.entrySet()) {
            boolean push = operator.getKey().equals("$push");
            if (!(push || operator.getKey().equals("$set")) || !(operator.getValue() instanceof Document changes)) {
                return null;
            }
            for (var change : changes.entrySet()) {
                String field = change.getKey();
                if (field.startsWith("$") || field.contains(".") || field.equals("_id") || !fields.add(field)) {
                    return null;
                }
                if (push && !(change.getValue() instanceof Document each && each.size() == 1 && each.get("$each") instanceof List<?>)) {
                    return null;
                }
            }
        }
        return onlyIdIndexed() ? id : null;
    }

    /** As mongo-java-server answers the update; null when a pushed field holds something other than a list (its own error then). */
    private Document appendById(String id, Document update, boolean isUpsert) {
        Document old = documents.get(id);
        if (old == null && !isUpsert) {
            return storeById(id, null, null, false, false);
        }
        Document stored = old == null ? new Document("_id", id) : old.clone();
        boolean pushed = false;
        for (var operator : update.entrySet()) {
            boolean push = operator.getKey().equals("$push");
            for (var change : ((Document) operator.getValue()).entrySet()) {
                String field = change.getKey();
                Object current = stored.get(field);
                if (push) {
                    if (current != null && !(current instanceof List<?>) || current == null && stored.containsKey(field)) {
                        return null;
                    }
                    List<?> entries = (List<?>) ((Document) change.getValue()).get("$each");
                    List<Object> list = new ArrayList<>(current == null ? entries.size() : ((List<?>) current).size() + entries.size());
                    if (current != null) {
                        list.addAll((List<?>) current);
                    }
                    list.addAll(entries);
                    stored.put(field, list);
                    pushed |= !entries.isEmpty();
                } else if (!(stored.containsKey(field) && sameValue(current, change.getValue()))) {
                    stored.put(field, change.getValue());
                }
            }
        }
        return storeById(id, old, stored, isUpsert, pushed);
    }

    /**
     * Whether {@code $set} leaves a field as it is: mongo-java-server compares the old and the new
     * value with every number as a double (but a long a double cannot hold), in lists and documents
     * too, so setting 2 where 2.0 is stored keeps the 2.0. Its comparison is not public.
     */
    private static boolean sameValue(Object stored, Object given) {
        return stored == given || Objects.equals(normalized(stored), normalized(given));
    }

    private static Object normalized(Object value) {
        if (value == null || value instanceof de.bwaldvogel.mongo.backend.Missing) {
            return null;
        }
        if (value instanceof Long l && l != (long) l.doubleValue()) {
            return l;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        if (value instanceof Map<?, ?> map) {
            Document normal = new Document();
            map.forEach((k, v) -> normal.put((String) k, normalized(v)));
            return normal;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(IdIndexedH2Collection::normalized).toList();
        }
        return value;
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    /**
     * mongo-java-server keeps a collection's data size up to date by encoding every document inserted,
     * and the old and the new one of every update, and writing the sum into the collection's meta
     * map: thread samples of the benchmark's commands at 100k (issue 14) put 17 % of the process's
     * samples there. Only {@code collStats} and {@code validate} read it, and Duban asks for neither;
     * they get it counted when they ask ({@link #getDataSize}).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** The documents' BSON size, counted now: what the tracked sum held. */
    @Override
    protected synchronized int getDataSize() {
        if (documents == null) {
            // Asked by H2Collection's constructor, for a debug line, before this class holds its map.
            return super.getDataSize();
        }
        long size = 0;
        for (Document document : documents.values()) {
            size += StoredBson.size(document);
        }
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        QueryResult found = find(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        if (!updating) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        found.forEach(document -> copies.add(document.clone()));
        return new QueryResult(copies);
    }

    private QueryResult find(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                             int batchSize, Document fieldSelector) {
        long[] positions = askedPositions(query, orderBy);
        List<?> keys = positions != null ? inOrder(positions, idDirection(orderBy)) : askedStrings(query, orderBy);
        if (keys != null) {
            List<Document> found = new ArrayList<>(Math.min(keys.size(), 256));
            for (Object key : keys) {
                Document d = documents.get(key);
                if (d != null) {
                    found.add(d);
                }
            }
            // Each document was found by its _id, which is all the query asks: nothing left to match.
            return matchDocumentsFromStream(found.stream(), new Document(), null, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        QueryResult ranged = inKeyRange(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        if (ranged != null) {
            return ranged;
        }
        Object id = pinnedId(query);
        if (id != null && !(query.size() == 1 && query.containsKey("_id"))) {
            Index<Object> ids = idIndex();
            if (ids != null) {
                return matchDocuments(query, ids.getPositions(new Document("_id", id)), orderBy, numberToSkip, numberToReturn,
                        batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    /**
     * A query that asks for nothing but a range of string {@code _id}s ({@code $gte}, {@code $gt},
     * {@code $lt}, {@code $lte}), sorted by {@code _id} or not at all, in a collection whose keys are all
     * strings: answered by walking the keys of that range in the order asked and stopping at the
     * limit, as MongoDB answers it from its {@code _id} index (a unit's records, newest first, are read
     * so: {@code RecordsByUnit}). mongo-java-server would read and sort every document. H2 orders
     * strings as {@link String#compareTo}, as mongo-java-server compares them; each key walked is still
     * matched against the query by mongo-java-server's own code, so the bounds' inclusion is its own.
     * Null for any other query.
     */
    private QueryResult inKeyRange(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                   int batchSize, Document fieldSelector) {
        if (query.size() != 1 || !(query.get("_id") instanceof Document condition) || condition.isEmpty()
                || (orderBy != null && !orderBy.isEmpty() && idDirection(orderBy) == 0)) {
            return null;
        }
        String low = null;
        String high = null;
        for (var bound : condition.entrySet()) {
            if (!(bound.getValue() instanceof String value)) {
                return null;
            }
            switch (bound.getKey()) {
                case "$gte", "$gt" -> low = low == null || value.compareTo(low) > 0 ? value : low;
                case "$lt", "$lte" -> high = high == null || value.compareTo(high) < 0 ? value : high;
                default -> {
                    return null;
                }
            }
        }
        if (keyClass() != String.class) {
            return null;
        }
        boolean descending = idDirection(orderBy) < 0;
        Cursor<Object, Document> cursor = descending ? documents.cursor(high, low, true) : documents.cursor(low, high, false);
        Stream<Document> inOrder = StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .map(key -> cursor.getValue());
        return matchDocumentsFromStream(inOrder, query, null, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    /**
     * The value the query requires {@code _id} to equal, at its top or in a top-level {@code $and}
     * (the driver's {@code Filters.and} sends one); null when it requires no single value.
     */
    private static Object pinnedId(Document query) {
        Object id = query.get("_id");
        if (isPlainValue(id)) {
            return id;
        }
        if (id == null && query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document c && isPlainValue(c.get("_id"))) {
                    return c.get("_id");
                }
            }
        }
        return null;
    }

    /**
     * The positions of a query that asks for nothing but {@code _id} in a list of {@code Long}s, as the
     * event store reads its windows ({@code {_id: {$in: [n, n+1, …]}}}), sorted and distinct; null for
     * any other query, or a collection whose keys are not all {@code Long}s (see the class comment), or
     * a sort on anything but {@code _id}. mongo-java-server answers such a query through its index: it
     * sorts the list with its general value comparator (which turns every number into a double to
     * compare it), then, for every document found, compares its {@code _id} with the list's values one
     * by one: at a rebuild's window of 2,000 positions about a thousand comparisons per event.
     */
    private long[] askedPositions(Document query, Document orderBy) {
        if (query.size() != 1 || !(query.get("_id") instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values)
                || (orderBy != null && !orderBy.isEmpty() && idDirection(orderBy) == 0)) {
            return null;
        }
        long[] positions = new long[values.size()];
        int n = 0;
        for (Object value : values) {
            if (!(value instanceof Long position)) {
                return null;
            }
            positions[n++] = position;
        }
        if (!documents.isEmpty() && keyClass() != Long.class) {
            return null;
        }
        return Arrays.stream(positions).sorted().distinct().toArray();
    }

    /** Ascending positions as keys, in the direction asked. */
    private static List<Long> inOrder(long[] positions, int direction) {
        List<Long> keys = new ArrayList<>(Arrays.stream(positions).boxed().toList());
        if (direction < 0) {
            Collections.reverse(keys);
        }
        return keys;
    }

    /**
     * The keys of a query that asks for nothing but {@code _id} in a list of strings, unsorted, as the
     * read models are read by id ({@code {_id: {$in: ["a", "b", …]}}}), distinct, in the order given;
     * null for any other query. A string equals only the same string, so each is looked up as it is,
     * whatever the collection's other keys. mongo-java-server compares every document it finds with
     * the list's values one by one: the 500 records of a page of the records list took about 40 ms.
     */
    private static List<String> askedStrings(Document query, Document orderBy) {
        if (query.size() != 1 || !(query.get("_id") instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> values) || (orderBy != null && !orderBy.isEmpty())) {
            return null;
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (Object value : values) {
            if (!(value instanceof String key)) {
                return null;
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    /** A value {@code _id} is compared with for equality (not an operator, a pattern, a sub-document or a list). */
    private static boolean isPlainValue(Object id) {
        return id instanceof String || id instanceof Number || id instanceof de.bwaldvogel.mongo.bson.ObjectId
                || id instanceof UUID || id instanceof Date || id instanceof Boolean;
    }

    private Index<Object> idIndex() {
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && index.getKeys().size() == 1 && "_id".equals(index.getKeys().get(0).getKey())) {
                return index;
            }
        }
        return null;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        int direction = idDirection(orderBy);
        if (direction == 0 || !keysInMongoOrder()) {
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        Cursor<Object, Document> cursor = documents.cursor(null, null, direction < 0);
        Stream<Document> inOrder = StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .map(key -> cursor.getValue());
        // Already in the order asked for: filtered, skipped and limited lazily, so a limit stops the walk.
        return matchDocumentsFromStream(inOrder, query, null, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    /** 1 or -1 for a sort on {@code _id} alone, else 0. */
    static int idDirection(Document orderBy) {
        if (orderBy == null || orderBy.size() != 1 || !(orderBy.get("_id") instanceof Number n)) {
            return 0;
        }
        int d = n.intValue();
        return d == 1 || d == -1 ? d : 0;
    }

    private boolean keysInMongoOrder() {
        Class<?> keys = keyClass();
        return keys == Long.class || keys == Integer.class;
    }

    /** The class of every key when the first and the last key share it (keys are grouped by type); null otherwise, or when there are none. */
    private Class<?> keyClass() {
        Object first = documents.firstKey();
        Object last = documents.lastKey();
        return first != null && first.getClass() == last.getClass() ? first.getClass() : null;
    }
}
