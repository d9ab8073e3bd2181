package cn.duban.query.common;

import cn.duban.platform.json.Json;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read-model documents are written from records through Jackson. Decimals are stored as strings:
 * a score read back must be the very number that was computed, and a double is not.
 */
public final class ReadModelJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy();

    static {
        MAPPER.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        MAPPER.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    }

    private ReadModelJson() {
    }

    /**
     * Builds and caches Jackson's reader and writer of each type now rather than at its first
     * document: at the start, so the first events after it do not (see FirstUseWarmUp).
     */
    public static void prepare(Class<?>... types) {
        for (Class<?> type : types) {
            MAPPER.readerFor(type);
            MAPPER.writerFor(type);
        }
    }

    /**
     * The record as a document, through Jackson's token buffer: no JSON text written and parsed
     * again, which was a fifth of a rebuild's time (issue 14). Nested objects are documents too.
     */
    public static Document toDocument(Object value) {
        try {
            return document(MAPPER.convertValue(value, MAP));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot write read model " + value.getClass().getSimpleName(), e);
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static Document document(Map<String, Object> map) {
        Document doc = new Document();
        map.forEach((k, v) -> doc.put(k, bson(v)));
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static Object bson(Object value) {
        if (value instanceof Map<?, ?> m) {
            return document((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(bson(v)));
            return out;
        }
        return value;
    }

    /**
     * Read straight from the decoded BSON (a map of strings, numbers, lists and documents, as
     * {@link #toDocument} wrote it) through Jackson's token buffer: no JSON text in between, which
     * cost a unit's score read more than reading its facts did (issue 14).
     */
    public static <T> T fromDocument(Document doc, Class<T> type) {
        try {
            return MAPPER.convertValue(doc, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read read model " + type.getSimpleName(), e);
        }
    }
}
