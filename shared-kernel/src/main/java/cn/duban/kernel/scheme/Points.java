package cn.duban.kernel.scheme;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points earned per counted fact: one number for every fact, or a number per level
 * (GENERAL/TYPICAL, CITY/PROVINCE/NATIONAL, …). A level missing from the map earns nothing.
 */
public final class Points {
    private final BigDecimal flat;
    private final Map<String, BigDecimal> perLevel;

    private Points(BigDecimal flat, Map<String, BigDecimal> perLevel) {
        this.flat = flat;
        this.perLevel = perLevel;
    }

    public static Points flat(BigDecimal value) {
        return new Points(value, null);
    }

    public static Points perLevel(Map<String, BigDecimal> values) {
        return new Points(null, Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** A number, or an object of numbers per level; numbers may come as strings from stored documents. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Points fromJson(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), decimal(v)));
            return perLevel(values);
        }
        BigDecimal flat = decimal(json);
        if (flat == null) {
            throw new IllegalArgumentException("points must be a number or an object of numbers per level");
        }
        return flat(flat);
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof Number || v instanceof String) {
            try {
                return new BigDecimal(v.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @JsonValue
    Object toJson() {
        return flat != null ? flat : perLevel;
    }

    public boolean isFlat() {
        return flat != null;
    }

    public BigDecimal flatValue() {
        return flat;
    }

    public Map<String, BigDecimal> levels() {
        return perLevel == null ? Map.of() : perLevel;
    }

    /** Points for one fact of the given level. */
    public BigDecimal forLevel(String level) {
        if (flat != null) {
            return flat;
        }
        BigDecimal v = level == null ? null : perLevel.get(level);
        return v == null ? BigDecimal.ZERO : v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Points p && java.util.Objects.equals(flat, p.flat) && java.util.Objects.equals(perLevel, p.perLevel);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(flat, perLevel);
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
