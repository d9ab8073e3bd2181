package cn.duban.query.assessment;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * JSON text held as UTF-8 only (a range of an array, not copied), to be written raw: a UTF-8
 * generator copies the bytes; any other decodes them. Never written as a quoted string. Also what
 * a module that keeps JSON ({@link EvidenceIdsJson}) needs: writing the text as the answer's own
 * generator would, and putting its serializer on one property.
 */
final class RawJson implements SerializableString {
    private final byte[] utf8;
    private final int offset;
    private final int length;

    RawJson(byte[] utf8, int offset, int length) {
        this.utf8 = utf8;
        this.offset = offset;
        this.length = length;
    }

    /**
     * A UTF-8 generator into {@code out} that writes as {@code gen} does: the same factory, codec,
     * features and escapes, so that what it writes may later be written raw into an answer of
     * {@code gen}'s. {@code gen} has a codec.
     */
    static JsonGenerator writingAs(JsonGenerator gen, OutputStream out) throws IOException {
        ObjectCodec codec = gen.getCodec();
        JsonGenerator own = codec.getFactory().createGenerator(out, JsonEncoding.UTF8);
        own.setCodec(codec);
        own.setFeatureMask(gen.getFeatureMask());
        own.setCharacterEscapes(gen.getCharacterEscapes());
        own.setHighestNonEscapedChar(gen.getHighestEscapedChar());
        return own;
    }

    /** Has {@code property} of {@code bean} written by a serializer from {@code serializer}. */
    static BeanSerializerModifier serializing(Class<?> bean, String property, Supplier<JsonSerializer<Object>> serializer) {
        return new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
                if (description.getBeanClass() == bean) {
                    properties.stream().filter(p -> p.getName().equals(property)).forEach(p -> p.assignSerializer(serializer.get()));
                }
                return properties;
            }
        };
    }

    /** How many bytes. */
    int length() {
        return length;
    }

    @Override
    public String getValue() {
        return new String(utf8, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return offset == 0 && length == utf8.length ? utf8 : Arrays.copyOfRange(utf8, offset, offset + length);
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int at) {
        if (at + length > buffer.length) {
            return -1;
        }
        System.arraycopy(utf8, offset, buffer, at, length);
        return length;
    }

    @Override
    public int appendUnquoted(char[] buffer, int at) {
        String value = getValue();
        if (at + value.length() > buffer.length) {
            return -1;
        }
        value.getChars(0, value.length(), buffer, at);
        return value.length();
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(utf8, offset, length);
        return length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        if (length > buffer.remaining()) {
            return -1;
        }
        buffer.put(utf8, offset, length);
        return length;
    }

    @Override
    public char[] asQuotedChars() {
        throw quoted();
    }

    @Override
    public byte[] asQuotedUTF8() {
        throw quoted();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int at) {
        throw quoted();
    }

    @Override
    public int appendQuoted(char[] buffer, int at) {
        throw quoted();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) {
        throw quoted();
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        throw quoted();
    }

    private static UnsupportedOperationException quoted() {
        return new UnsupportedOperationException("JSON written raw is never a quoted string");
    }
}
