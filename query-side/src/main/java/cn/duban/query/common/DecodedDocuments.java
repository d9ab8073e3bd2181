package cn.duban.query.common;

import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last decoding of each read-model document, kept while the store answers with an equal
 * document. Decoding a scheme through Jackson took most of a score read's own work (34 of 39
 * samples of {@code ScoreQueries.scheme}, thread samples at 100k, issue 14); comparing two decoded
 * BSON documents for equality costs a small part of that. Nothing is trusted over the store: every
 * read still asks it (another replica's projection may have changed the document), and only an
 * equal document reuses the decoding.
 *
 * <p>What it hands out is shared between readers, so it must be immutable, as the read models'
 * records are. Bounded: past {@code maxEntries} documents, the least recently read is dropped.
 */
public final class DecodedDocuments<T> {
    private final Function<Document, T> decode;
    private final Map<Object, Decoded<T>> recent;

    private record Decoded<T>(Document stored, T value) {
    }

    public DecodedDocuments(Function<Document, T> decode, int maxEntries) {
        this.decode = decode;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Decoded<T>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** {@code stored} decoded: the earlier decoding when the document with its id was equal then. */
    public T decode(Document stored) {
        Object id = stored.get("_id");
        Decoded<T> known;
        synchronized (this) {
            known = recent.get(id);
        }
        if (known != null && known.stored().equals(stored)) {
            return known.value();
        }
        T value = decode.apply(stored);
        synchronized (this) {
            recent.put(id, new Decoded<>(stored, value));
        }
        return value;
    }
}
