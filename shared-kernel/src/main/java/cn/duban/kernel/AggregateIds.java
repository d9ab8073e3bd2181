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

    /** A sample is named by its scope, so the same unit, kind and period can be drawn only once. */
    public static String sample(String unitId, cn.duban.kernel.supervision.SampleKind kind, java.time.LocalDate from, java.time.LocalDate to) {
        return "sample:" + unitId + ":" + kind + ":" + from + ":" + to;
    }

    /** One rectification per finding. */
    public static String rectification(String findingId) {
        return "rectification:" + findingId;
    }

    public static String user(String username) {
        return "user:" + username;
    }
}
