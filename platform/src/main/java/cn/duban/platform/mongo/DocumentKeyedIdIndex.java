package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A collection's {@code _id} index that, for string keys, is the documents map itself: mongo-java-server
 * keys a collection's documents by their {@code _id} and keeps a second map from each {@code _id} to that
 * same key. For a read model of small documents that second map was as large as the documents: on the
 * benchmark's 1M store after its stop, {@code records_by_unit} took 12.1 MB of live pages and its
 * {@code _id} index 10.2 MB, {@code reported_records}' index 5.3 MB. And every insert wrote both maps'
 * pages at the next commit, where a key lands anywhere in its map (a record's id, a unit's key),
 * each a page made dead in the file until compaction takes it (issue 14's data files while running).
 *
 * <p>A string key is its own position, so this index asks the documents map whether it holds one and
 * keeps nothing. Any other key ({@code Long} positions, {@code ObjectId}s, a {@code null} id) is kept in
 * the index's own map as mongo-java-server keeps it: there a key is normalised ({@code 1} finds
 * {@code 1L}), which a look-up in the documents map by the raw value would not do; strings normalise
 * to themselves. A store written before this keeps its strings in the index's map until
 * {@link OrderedIndexH2Backend} drops them once, at its first start.
 */
final class DocumentKeyedIdIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<Object, Document> documents;
    /** The keys that are not strings, each to its position (the key as stored in the documents map). */
    private final MVMap<Object, Object> others;

    DocumentKeyedIdIndex(String name, List<IndexKey> keys, MVMap<Object, Document> documents, MVMap<Object, Object> others) {
        super(name, keys, false);
        this.documents = documents;
        this.others = others;
    }

    /** The string a key value is, if it is one string: then it is the document's key in the documents map. */
    private static String stringKey(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String s ? s : null;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        String s = stringKey(key);
        return s != null ? (documents.containsKey(s) ? s : null) : others.get(key);
    }

    /**
     * mongo-java-server puts a document in the documents map and then adds it to each index, checking
     * again that its key is new: a string key is then found, the document's own. Nothing to keep for it.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (position instanceof String) {
            return;
        }
        super.add(document, position, collection);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return others.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    /** Called before the collection takes the document out of the documents map: a string key is still there. */
    @Override
    protected Object removeDocument(KeyValue key) {
        String s = stringKey(key);
        return s != null ? (documents.containsKey(s) ? s : null) : others.remove(key);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        Stream<Map.Entry<KeyValue, Object>> strings = documents.keySet().stream().filter(k -> k instanceof String)
                .map(k -> new AbstractMap.SimpleImmutableEntry<>(new KeyValue(k), k));
        Stream<Map.Entry<KeyValue, Object>> rest = others.entrySet().stream()
                .map(e -> new AbstractMap.SimpleImmutableEntry<>((KeyValue) e.getKey(), e.getValue()));
        return () -> Stream.concat(strings, rest).iterator();
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
