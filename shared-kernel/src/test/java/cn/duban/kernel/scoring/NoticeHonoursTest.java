package cn.duban.kernel.scoring;

import cn.duban.kernel.scoring.NoticeHonours.Standing;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeHonoursTest {
    static Standing street(String id, String score, int untrue, int escalated) {
        BigDecimal s = new BigDecimal(score);
        return new Standing(id, id + "街道", UnitType.STREET, s, YearEnd.Grade.of(s, false), untrue, escalated);
    }

    @Test
    void theThreeBestExcellentUnitsOfEachKindAreCommendedUnlessARecordOfTheirsWasFoundUntrue() {
        Standing dept = new Standing("gafj", "公安分局", UnitType.DEPARTMENT, new BigDecimal("95"), YearEnd.Grade.EXCELLENT, 0, 0);
        NoticeHonours.Honours h = NoticeHonours.of(List.of(street("a", "99", 1, 0), street("b", "97", 0, 0), street("c", "96", 0, 0),
                street("d", "93", 0, 0), street("e", "91", 0, 0), street("f", "85", 0, 0), dept));
        assertThat(h.commendedStreets()).extracting(Standing::unitId).containsExactly("b", "c", "d");
        assertThat(h.commendedDepartments()).extracting(Standing::unitId).containsExactly("gafj");
    }

    @Test
    void untrueRecordsUnansweredCopyNoticesAndFailingAreCriticisedWithTheirReasons() {
        NoticeHonours.Honours h = NoticeHonours.of(List.of(street("a", "99", 2, 0), street("b", "70", 0, 1), street("c", "55", 0, 3),
                street("d", "88", 0, 0)));
        assertThat(h.criticised()).extracting(NoticeHonours.Criticism::unitId).containsExactly("a", "b", "c");
        assertThat(h.criticised().get(0).reasons()).containsExactly("抽查发现台账不实（弄虚作假）2条");
        assertThat(h.criticised().get(2).reasons()).containsExactly("抄告单逾期未反馈3次", "考核不合格");
        assertThat(h.commendedStreets()).isEmpty();
    }
}
