package cn.duban.query.supervision;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.supervision.SampleDrawn;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.SamplingPeriod;
import cn.duban.kernel.supervision.SamplingPlanSet;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.scheme.SchemesProjection;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sampling plan (方案12) against what was sampled: the periods so far, each met or short, and the one under way marked. */
class SamplingPlanFulfilmentTest extends ProjectionTestBase {
    @Test
    void thePeriodsSoFarAreCountedAndTheOneUnderWayIsMarkedByTodayInTheDistrict() throws Exception {
        harness.given(new SchemesProjection(harness.db),
                new SchemeDrafted("beilun-2023", 1, new SchemeDocument("beilun-2023", 2023, "北仑区2023年度考核", new BigDecimal("0.3"), List.of())),
                new SchemePublished("beilun-2023", 1, 2023));
        harness.given(new UnitsProjection(harness.db), new UnitRegistered("xinqi", "新碶街道", UnitType.STREET));
        harness.given(new SamplingPlansProjection(harness.db), new SamplingPlanSet("beilun-2023", SamplingPeriod.QUARTER, 2));
        harness.given(new SamplesProjection(harness.db),
                new SampleDrawn("s1", "xinqi", SampleKind.TRAINING, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31), 2,
                        7L, List.of("t1", "t2", "t3"), List.of("t1", "t2"), "supervisor"));
        // 30 June 2023 at 17:00 UTC is 1 July in Beijing: the third quarter is under way there.
        Clock clock = Clock.fixed(Instant.parse("2023-06-30T17:00:00Z"), ZoneOffset.UTC);
        SupervisionQueries queries = new SupervisionQueries(harness.db, null, null, new UnitQueries(harness.db), new SchemeQueries(harness.db), clock);

        List<SupervisionQueries.PlanPeriod> periods = queries.plan("beilun-2023").units().get(0).periods();

        assertThat(periods).extracting(SupervisionQueries.PlanPeriod::period).containsExactly("2023-Q1", "2023-Q2", "2023-Q3");
        assertThat(periods).extracting(SupervisionQueries.PlanPeriod::underWay).containsExactly(false, false, true);
        assertThat(periods).extracting(SupervisionQueries.PlanPeriod::met).containsExactly(true, false, false);
        assertThat(periods.get(0).sampled()).isEqualTo(2);
    }
}
