package cn.duban.query.supervision;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.kernel.supervision.FindingRecorded;
import cn.duban.kernel.supervision.InspectionRoundClosed;
import cn.duban.kernel.supervision.InspectionRoundOpened;
import cn.duban.kernel.supervision.InspectionRoundPublished;
import cn.duban.kernel.supervision.InspectionScoreSet;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.Severity;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An inspection round (督查) as the read model keeps it: baseline, findings, scores, closing and publishing, each once. */
class RoundsProjectionTest extends ProjectionTestBase {
    @Test
    void aRoundKeepsItsBaselineFindingsScoresAndTheTimesItClosedAndWasPublished() throws Exception {
        RoundsProjection projection = new RoundsProjection(harness.db);
        Instant cutoff = Instant.parse("2023-06-30T16:00:00Z");
        List<TrackedEventMessage<?>> events = harness.given(projection,
                new InspectionRoundOpened("round-1", "beilun-2023", RoundKind.MID_YEAR, "2023年年中督查", cutoff, 41, null),
                new FindingRecorded("round-1", "f1", "xinqi", "S1.4", "培训签到表缺失", Severity.values()[0], List.of("training-1")),
                new InspectionScoreSet("round-1", "xinqi", new BigDecimal("92.5"), "台账齐全"),
                new InspectionRoundClosed("round-1"),
                new InspectionRoundPublished("round-1"));
        harness.redeliver(projection, events.get(1));
        harness.redeliver(projection, events.get(2));
        RoundsProjection.RoundView v = RoundsProjection.documents(harness.db).find("round-1");
        assertThat(v.cutoff).isEqualTo(cutoff);
        assertThat(v.baselinePosition).isEqualTo(41);
        assertThat(v.method).as("a round opened before methods were recorded was announced").isEqualTo("ANNOUNCED");
        assertThat(v.openedAt).isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(v.findings).as("a redelivered finding is not a second one").singleElement().satisfies(f -> {
            assertThat(f.unitId()).isEqualTo("xinqi");
            assertThat(f.evidence()).containsExactly("training-1");
            assertThat(f.actor()).isEqualTo("tester");
        });
        assertThat(v.scores).singleElement().satisfies(s -> assertThat(s.score()).isEqualByComparingTo("92.5"));
        assertThat(v.closedAt).isEqualTo(Instant.parse("2023-03-01T06:00:00Z"));
        assertThat(v.publishedAt).isEqualTo(Instant.parse("2023-03-01T07:00:00Z"));
    }
}
