package cn.duban.query.supervision;

import cn.duban.kernel.supervision.SampleDrawn;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.supervision.SampledRecordChecked;
import cn.duban.kernel.supervision.SampledRecordConfirmed;
import cn.duban.kernel.supervision.SampledRecordDisqualified;
import cn.duban.kernel.supervision.Verdict;
import cn.duban.query.common.ProjectionTestBase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sample (抽查): the records drawn, each one's check and recheck, and the flagged one's disqualifying event. */
class SamplesProjectionTest extends ProjectionTestBase {
    @Test
    void eachDrawnRecordGoesFromDrawnToCheckedToVerifiedOrFlaggedOnce() throws Exception {
        SamplesProjection projection = new SamplesProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(projection,
                new SampleDrawn("s1", "xinqi", SampleKind.TRAINING, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), 2,
                        42L, List.of("t1", "t2", "t3"), List.of("t3", "t1"), "supervisor"),
                new SampledRecordChecked("s1", "xinqi", "t3", Verdict.VERIFIED, "签到表齐全", "supervisor"),
                new SampledRecordChecked("s1", "xinqi", "t1", Verdict.FLAGGED, "无签到表", "supervisor"),
                new SampledRecordConfirmed("s1", "xinqi", "t3", Verdict.VERIFIED, "复核属实", "supervisor", "supervisor-2"),
                new SampledRecordDisqualified("s1", "xinqi", SampleKind.TRAINING, "t1", Verdict.FLAGGED, "复核不实",
                        "supervisor", "supervisor-2"));
        events.forEach(e -> {
            try {
                harness.redeliver(projection, e);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });

        SamplesProjection.SampleView v = SamplesProjection.documents(harness.db).find("s1");
        assertThat(v.population).containsExactly("t1", "t2", "t3");
        assertThat(v.seed).isEqualTo(42L);
        assertThat(v.drawnAt).isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(v.records).extracting(r -> r.recordId).containsExactly("t3", "t1");
        SamplesProjection.SampledRecord verified = v.records.get(0);
        assertThat(verified.status).isEqualTo("VERIFIED");
        assertThat(verified.check.verdict()).isEqualTo("VERIFIED");
        assertThat(verified.recheck.by()).isEqualTo("supervisor-2");
        SamplesProjection.SampledRecord flagged = v.records.get(1);
        assertThat(flagged.status).isEqualTo("FLAGGED");
        assertThat(flagged.recheck.note()).isEqualTo("复核不实");
        assertThat(flagged.disqualificationEventId).isEqualTo(events.get(4).getIdentifier());
        assertThat(v.eventIds).as("each event applied once, redeliveries ignored").hasSize(5);
    }
}
