package cn.duban.kernel.scheme.beilun;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.unit.UnitType;

import java.util.List;

/**
 * The real Beilun 2023 assessment (仑流管中心〔2023〕2号, seed 001), shipped with the product: both
 * scoring tables as a scheme document, every item with its original 评分标准 text, and the roster
 * of units it assesses (34 departments of 附件2, the sub-districts of 附件1).
 */
public final class Beilun2023 {
    public static final String SCHEME_RESOURCE = "/cn/duban/kernel/scheme/beilun/beilun-2023.json";
    public static final String ROSTER_RESOURCE = "/cn/duban/kernel/scheme/beilun/roster.json";

    private Beilun2023() {
    }

    /** @param retiredOn for a unit a later reform merged away: the day, and why ({@code retiredBecause}) */
    public record RosterUnit(String id, String name, UnitType type, java.time.LocalDate retiredOn, String retiredBecause) {
        public RosterUnit(String id, String name, UnitType type) {
            this(id, name, type, null, null);
        }
    }

    /** @param note where the roster departs from its source, and why */
    public record Roster(String district, String note, List<RosterUnit> units) {
    }

    public static SchemeDocument scheme() {
        return Resources.read(SCHEME_RESOURCE, SchemeDocument.class);
    }

    public static Roster roster() {
        return Resources.read(ROSTER_RESOURCE, Roster.class);
    }
}
