package cn.duban.kernel.scoring;

import cn.duban.kernel.unit.UnitType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who a results notice (通报) commends and who it criticises — the rule in one place.
 *
 * <ul>
 *   <li>表彰 (先进单位): of each kind of unit (部门, 街道) the {@link #COMMENDED_PER_TYPE} best by
 *       year-end result among those graded 优秀, none of whose records was found untrue that year.</li>
 *   <li>通报批评: a unit with a record found untrue on recheck (弄虚作假, seed 003), a 抄告单 left
 *       unanswered past its deadline (seed 004: "已经接受抄告而没有采取措施不反馈的"), or graded
 *       不合格 — each reason named.</li>
 * </ul>
 */
public final class NoticeHonours {
    public static final int COMMENDED_PER_TYPE = 3;

    private NoticeHonours() {
    }

    /** What the rule reads of one unit as of the notice. */
    public record Standing(String unitId, String name, UnitType type, BigDecimal yearEnd, YearEnd.Grade grade,
                           int recordsFoundUntrue, int copyNoticesEscalated) {
    }

    public record Criticism(String unitId, String name, List<String> reasons) {
    }

    public record Honours(List<Standing> commendedStreets, List<Standing> commendedDepartments, List<Criticism> criticised) {
    }

    public static Honours of(List<Standing> standings) {
        List<Criticism> criticised = new ArrayList<>();
        for (Standing s : standings) {
            List<String> reasons = new ArrayList<>();
            if (s.recordsFoundUntrue() > 0) {
                reasons.add("抽查发现台账不实（弄虚作假）" + s.recordsFoundUntrue() + "条");
            }
            if (s.copyNoticesEscalated() > 0) {
                reasons.add("抄告单逾期未反馈" + s.copyNoticesEscalated() + "次");
            }
            if (s.grade() == YearEnd.Grade.FAIL || s.grade() == YearEnd.Grade.VETOED) {
                reasons.add("考核" + s.grade().label());
            }
            if (!reasons.isEmpty()) {
                criticised.add(new Criticism(s.unitId(), s.name(), List.copyOf(reasons)));
            }
        }
        return new Honours(best(standings, UnitType.STREET), best(standings, UnitType.DEPARTMENT), List.copyOf(criticised));
    }

    private static List<Standing> best(List<Standing> standings, UnitType type) {
        return standings.stream()
                .filter(s -> s.type() == type && s.grade() == YearEnd.Grade.EXCELLENT && s.recordsFoundUntrue() == 0)
                .sorted(Comparator.comparing(Standing::yearEnd).reversed().thenComparing(Standing::unitId))
                .limit(COMMENDED_PER_TYPE).toList();
    }
}
