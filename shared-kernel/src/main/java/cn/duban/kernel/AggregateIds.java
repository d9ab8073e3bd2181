package cn.duban.kernel;

/**
 * Aggregate identifiers in the event store. Units and schemes have ids chosen by people
 * ("xinqi", "beilun-2023") that could collide with each other, so their streams are prefixed;
 * facts have generated UUIDs and are used as they are.
 */
public final class AggregateIds {
    private AggregateIds() {
    }

    public static String unit(String unitId) {
        return "unit:" + unitId;
    }

    public static String scheme(String schemeId) {
        return "scheme:" + schemeId;
    }
}
