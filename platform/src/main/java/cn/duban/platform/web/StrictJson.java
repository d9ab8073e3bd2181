package cn.duban.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The input boundary for every JSON request body, in one place: what a caller may send, whatever
 * the endpoint. Each violation fails deserialization with the field's path, which
 * {@link ApiExceptionHandler} answers as a 400 naming it.
 *
 * <ul>
 *   <li><b>Strict types</b>: no numbers as strings or strings as numbers, no floats into integers, no
 *   enums by number, no booleans as text, no nulls for primitives or inside lists and maps.</li>
 *   <li><b>Numbers</b> ({@code BigDecimal}): finite JSON numbers of magnitude below 10¹² with at
 *   most {@value #MAX_DECIMALS} decimals, which every store keeps exactly.</li>
 *   <li><b>Dates</b> only as {@code YYYY-MM-DD} text, instants as ISO-8601 text, years
 *   {@value #MIN_YEAR}–{@value #MAX_YEAR}.</li>
 *   <li><b>Text</b>: at most {@value #MAX_TEXT} characters, no control characters but line breaks
 *   and tabs, no unpaired surrogates, no direction overrides, not only invisible characters. Fields that hold identifiers ({@code id}, {@code …Id},
 *   {@code …Ids}, {@code itemCode}, {@code leadUnit}, {@code responsibleUnits}) are 1–64 of
 *   {@code A–Z a–z 0–9 _ . : -}.</li>
 *   <li><b>Map keys</b> (figures, quantities): 1–64 letters, digits, {@code _} or {@code -}: never
 *   a MongoDB operator or a dotted path.</li>
 *   <li><b>Keys</b> at most once in an object, and only the fields the endpoint takes.</li>
 *   <li><b>Size</b>: a document of at most 1 MB, nested at most 64 deep.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_DECIMALS = 3;
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    public static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1000000000000");
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final Pattern ID_FIELD = Pattern.compile("id|.*Id|.*Ids|itemCode|leadUnit|responsibleUnits");
    static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_-]{1,64}");
    static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder.postConfigurer(StrictJson::apply);
    }

    /** Applies the boundary to a mapper (the web's; tests use it on their own). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(1_000_000).maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(1000).build());
        // A key given twice is ambiguous: Jackson kept the last, so {"topic":"a","topic":"b"} stored "b"
        // unseen by whoever checked the first. Refused, naming the field (ApiExceptionHandler).
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        // A field the endpoint does not take is refused, naming it: a misspelt optional field
        // ("materails") was dropped unseen, and the record stored without what the caller sent.
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        for (Class<?> container : new Class<?>[]{Collection.class, java.util.List.class, java.util.Set.class, Map.class}) {
            mapper.configOverride(container).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        SimpleModule module = new SimpleModule("duban-strict-input");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(BigDecimal.class, new Decimal());
        module.addDeserializer(LocalDate.class, day());
        module.addDeserializer(Instant.class, moment());
        module.addKeyDeserializer(String.class, new Key());
        module.addSerializer(Long.class, new SafeInteger());
        module.addSerializer(Long.TYPE, new SafeInteger());
        mapper.registerModule(module);
        return mapper;
    }

    /** The largest integer a browser's number holds exactly (2^53 − 1). */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    /**
     * A whole number a browser could not hold exactly (a sample's 64-bit seed, say) is answered as a
     * string of its digits; every other stays a JSON number.
     */
    static final class SafeInteger extends com.fasterxml.jackson.databind.ser.std.StdSerializer<Long> {
        SafeInteger() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, com.fasterxml.jackson.core.JsonGenerator gen,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
            if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
                gen.writeString(value.toString());
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /**
     * A refused value: its message is what the caller reads (Chinese first), never a Java type; Jackson
     * adds the field's path as the exception travels up.
     */
    public static final class Refused extends com.fasterxml.jackson.databind.JsonMappingException {
        Refused(JsonParser p, String message) {
            super(p, message);
        }
    }

    static Refused refused(JsonParser p, String message) {
        return new Refused(p, message);
    }

    /** The name of the field a value belongs to, also for the elements of a list field. */
    static String fieldOf(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        if (ctx.inArray() && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        return ctx.getCurrentName();
    }

    static final class Text extends StdDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getText();
            String field = fieldOf(p);
            if (field != null && ID_FIELD.matcher(field).matches()) {
                if (!ID.matcher(value).matches()) {
                    throw refused(p, "须为1到64位字母、数字或 _ . : - / 1-64 of A-Z a-z 0-9 _ . : -");
                }
                return value;
            }
            if (value.length() > MAX_TEXT) {
                throw refused(p, "超过" + MAX_TEXT + "个字符 / longer than " + MAX_TEXT + " characters");
            }
            // One pass over the text: the characters refused, and whether anything in it shows.
            boolean shows = false;
            boolean unusualSpace = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    shows = true;
                } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                        || c == '\u202D' || c == '\u202E') {
                    // The two overrides turn text around as it is shown: "a\u202Egnp.exe" reads "aexe.png".
                    throw refused(p, "含有无效字符 / contains an invalid character");
                } else if (!Character.isWhitespace(c)) {
                    boolean invisible = Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c);
                    unusualSpace |= invisible;
                    shows |= !invisible;
                }
            }
            // Text that shows nothing though it holds something Java does not count as a space (a
            // zero-width or no-break space, a byte-order mark): Bean Validation's "not blank" let a unit
            // named "\u200B\u200B" through, a row with no name in every ranking. Spaces alone stay as
            // they were: a required field refuses them as blank, an optional one keeps them.
            if (unusualSpace && !shows) {
                throw refused(p, "不能只含空格或不可见字符 / must not be only spaces or invisible characters");
            }
            return value;
        }
    }

    static final class Decimal extends StdDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getText();
            BigDecimal value;
            try {
                value = new BigDecimal(text);
            } catch (NumberFormatException | ArithmeticException e) {
                throw refused(p, "不是有效数字 / not a number");
            }
            // Compare magnitudes by exponent first: 1e9999999 must not be expanded.
            if (value.signum() != 0 && value.precision() - value.scale() > 13) {
                throw refused(p, "绝对值须小于10¹² / magnitude must be below 10^12");
            }
            BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            if (stripped.abs().compareTo(MAX_MAGNITUDE) >= 0) {
                throw refused(p, "绝对值须小于10¹² / magnitude must be below 10^12");
            }
            if (stripped.scale() > MAX_DECIMALS) {
                throw refused(p, "最多" + MAX_DECIMALS + "位小数 / at most " + MAX_DECIMALS + " decimals");
            }
            return value;
        }
    }

    /** A date or an instant: text only, in its one ISO form, within the window of years. */
    static final class Temporal<T> extends StdDeserializer<T> {
        private final java.util.function.Function<String, T> parse;
        private final java.util.function.Predicate<T> inWindow;
        private final String refusal;

        Temporal(Class<T> type, java.util.function.Function<String, T> parse, java.util.function.Predicate<T> inWindow, String refusal) {
            super(type);
            this.parse = parse;
            this.inWindow = inWindow;
            this.refusal = refusal;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return unexpected;
            }
            T value;
            try {
                value = p.getText().length() <= 40 ? parse.apply(p.getText()) : null;
            } catch (DateTimeParseException e) {
                value = null;
            }
            if (value == null || !inWindow.test(value)) {
                throw refused(p, refusal);
            }
            return value;
        }
    }

    static Temporal<LocalDate> day() {
        return new Temporal<>(LocalDate.class, text -> DATE.matcher(text).matches() ? LocalDate.parse(text) : null,
                d -> d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR,
                "须为" + MIN_YEAR + "至" + MAX_YEAR + "年间的日期 YYYY-MM-DD / a date YYYY-MM-DD in " + MIN_YEAR + "-" + MAX_YEAR);
    }

    static Temporal<Instant> moment() {
        Instant from = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");
        Instant to = Instant.parse(MAX_YEAR + "-12-31T23:59:59Z");
        return new Temporal<>(Instant.class, text -> java.time.OffsetDateTime.parse(text).toInstant(),
                at -> !at.isBefore(from) && !at.isAfter(to),
                "须为ISO-8601时刻，如2023-06-30T16:00:00Z / an ISO-8601 instant such as 2023-06-30T16:00:00Z");
    }

    static final class Key extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (!KEY.matcher(key).matches()) {
                throw refused(ctxt.getParser(), "名称须为1到64位字母、数字、_ 或 - / a name of 1-64 letters, digits, _ or -");
            }
            return key;
        }
    }
}
