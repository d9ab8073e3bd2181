package cn.duban.platform.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.BsonBinary;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.io.BasicOutputBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * A stored document's BSON, written by the driver's own encoder ({@code org.bson}) into a byte
 * array, to the byte what mongo-java-server's {@code BsonEncoder} writes (its decoder reads it back).
 *
 * <p>Why not mongo-java-server's encoder: it writes into a Netty buffer, and every byte it writes
 * checks the buffer's reference count. Thread samples of the benchmark's commands at 100k (issue
 * 14) put a fifth of the process's samples in encoding documents for H2's commits and in
 * {@code Utils.calculateSize}, most of those in those checks.
 *
 * <p>A value of a type mongo-java-server's encoder does not know is refused with the same
 * {@link IllegalArgumentException}.
 */
final class StoredBson {
    private StoredBson() {
    }

    /** The document's BSON; the first {@code size()} bytes of the buffer hold it. */
    static BasicOutputBuffer encode(Map<String, ?> document) {
        BasicOutputBuffer out = new BasicOutputBuffer(512);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            writeDocument(writer, document);
        }
        return out;
    }

    /** How many bytes the document's BSON takes. */
    static int size(Map<String, ?> document) {
        return encode(document).getSize();
    }

    /**
     * The text as {@code String.getBytes(UTF_8)}, which mongo-java-server's encoder uses, gives it: a
     * lone surrogate half (JSON can carry one, as {@code "\\ud800"}) becomes {@code ?}, where
     * {@code org.bson} would write its three bytes.
     */
    private static String asTheWireWritesIt(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return text;
    }

    private static void writeDocument(BsonWriter writer, Map<String, ?> document) {
        writer.writeStartDocument();
        for (Map.Entry<String, ?> field : document.entrySet()) {
            writer.writeName(asTheWireWritesIt(field.getKey()));
            writeValue(writer, field.getValue());
        }
        writer.writeEndDocument();
    }

    private static void writeValue(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String s) {
            writer.writeString(asTheWireWritesIt(s));
        } else if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> document = (Map<String, ?>) map;
            writeDocument(writer, document);
        } else if (value instanceof Integer i) {
            writer.writeInt32(i);
        } else if (value instanceof Long l) {
            writer.writeInt64(l);
        } else if (value instanceof Double d) {
            writer.writeDouble(d);
        } else if (value instanceof Boolean b) {
            writer.writeBoolean(b);
        } else if (value instanceof Instant instant) {
            writer.writeDateTime(instant.toEpochMilli());
        } else if (value instanceof Collection<?> list) {
            writer.writeStartArray();
            for (Object element : list) {
                writeValue(writer, element);
            }
            writer.writeEndArray();
        } else if (value instanceof ObjectId id) {
            writer.writeObjectId(new org.bson.types.ObjectId(id.toByteArray()));
        } else if (value instanceof Decimal128 d) {
            writer.writeDecimal128(org.bson.types.Decimal128.fromIEEE754BIDEncoding(d.getHigh(), d.getLow()));
        } else if (value instanceof BinData data) {
            writer.writeBinaryData(new BsonBinary((byte) 0, data.getData()));
        } else if (value instanceof UUID uuid) {
            // Subtype 4, most significant half first, as the standard (and mongo-java-server) has it.
            writer.writeBinaryData(new BsonBinary((byte) 4, ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array()));
        } else if (value instanceof LegacyUUID legacy) {
            // Subtype 3, each half little-endian: the Java driver's old representation.
            UUID uuid = legacy.getUuid();
            writer.writeBinaryData(new BsonBinary((byte) 3, ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array()));
        } else if (value instanceof BsonTimestamp timestamp) {
            writer.writeTimestamp(new org.bson.BsonTimestamp(timestamp.getValue()));
        } else if (value instanceof BsonRegularExpression regex) {
            writer.writeRegularExpression(new org.bson.BsonRegularExpression(asTheWireWritesIt(regex.getPattern()), asTheWireWritesIt(regex.getOptions())));
        } else if (value instanceof MaxKey) {
            writer.writeMaxKey();
        } else if (value instanceof MinKey) {
            writer.writeMinKey();
        } else if (value instanceof BsonJavaScript code) {
            writer.writeJavaScript(asTheWireWritesIt(code.getCode()));
        } else {
            throw new IllegalArgumentException("Unknown type: " + value.getClass());
        }
    }
}
