package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * mongo-java-server's H2 collection, answering a query sorted by {@code _id} alone by walking the
 * documents in key order and stopping at the limit. mongo-java-server reads every document of the
 * collection and sorts them for any sort that no index lookup answers: the event store's "highest
 * position" ({@code find().sort({_id: -1}).limit(1)}, once per start) read every commit of a
 * million-event store for 13.5 s, and held the collection's lock meanwhile, so the first command
 * after a restart waited behind it (issue 14).
 *
 * <p>The documents map is keyed by {@code _id} under H2's generic order, which sorts by type first
 * and then by each type's natural order. That agrees with MongoDB's order when every key is a
 * {@code Long} (the event store's positions) or every key an {@code Integer}; since keys are grouped
 * by type, the first and last key having one such type means all have it. Any other collection, or
 * a sort on anything else, is answered as before.
 */
final class IdOrderedH2Collection extends H2Collection {
    private final MVMap<Object, Document> documents;

    IdOrderedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        int direction = idDirection(orderBy);
        if (direction == 0 || !keysInMongoOrder()) {
            return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }
        Iterator<Object> keys = direction > 0 ? documents.keyIterator(null) : documents.keyIteratorReverse(null);
        Stream<Document> inOrder = StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false)
                .map(documents::get);
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
        Object first = documents.firstKey();
        Object last = documents.lastKey();
        return first != null && first.getClass() == last.getClass() && (first instanceof Long || first instanceof Integer);
    }
}
