package cn.duban.query.common;

import cn.duban.platform.json.Json;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.math.BigDecimal;

/**
 * Read-model documents are written from records through Jackson. Decimals are stored as strings:
 * a score read back must be the very number that was computed, and a double is not.
 */
public final class ReadModelJson {
    private static final ObjectMapper MAPPER = Json.mapper().copy();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    static {
        MAPPER.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        MAPPER.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    }

    private ReadModelJson() {
    }

    public static Document toDocument(Object value) {
        try {
            return Document.parse(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write read model " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T fromDocument(Document doc, Class<T> type) {
        try {
            return MAPPER.readValue(doc.toJson(RELAXED), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read read model " + type.getSimpleName(), e);
        }
    }
}
