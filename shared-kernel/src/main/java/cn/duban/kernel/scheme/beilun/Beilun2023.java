package cn.duban.kernel.scheme.beilun;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.unit.UnitType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The real Beilun 2023 assessment (仑流管中心〔2023〕2号, seed 001), shipped with the product: both
 * scoring tables as a scheme document, every item with its original 评分标准 text, and the roster
 * of units it assesses (34 departments of 附件2, the sub-districts of 附件1).
 */
public final class Beilun2023 {
    public static final String SCHEME_RESOURCE = "/cn/duban/kernel/scheme/beilun/beilun-2023.json";
    public static final String ROSTER_RESOURCE = "/cn/duban/kernel/scheme/beilun/roster.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Beilun2023() {
    }

    public record RosterUnit(String id, String name, UnitType type) {
    }

    public record Roster(String district, List<RosterUnit> units) {
    }

    public static SchemeDocument scheme() {
        return read(SCHEME_RESOURCE, SchemeDocument.class);
    }

    public static Roster roster() {
        return read(ROSTER_RESOURCE, Roster.class);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = Beilun2023.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
