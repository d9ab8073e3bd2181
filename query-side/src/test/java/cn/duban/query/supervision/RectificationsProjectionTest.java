package cn.duban.query.supervision;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationRejected;
import cn.duban.kernel.supervision.RectificationReported;
import cn.duban.kernel.supervision.RectificationVerified;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 限期整改 as the read model tells it: ordered, reported, returned, listed, verified; each step once. */
class RectificationsProjectionTest extends ProjectionTestBase {

    @Test
    void eachStepIsKeptOnceWithItsStatusAndDates() throws Exception {
        RectificationsProjection projection = new RectificationsProjection(harness.db);
        LocalDate due = LocalDate.of(2023, 7, 28);
        List<TrackedEventMessage<?>> events = harness.given(projection,
                new RectificationOrdered("r1", "round-1", "f1", "xinqi", "S1.4", "培训台账不全", "补齐台账", LocalDate.of(2023, 6, 30), 20, due),
                new RectificationReported("r1", "xinqi", "已补齐", List.of("training-1"), LocalDate.of(2023, 7, 10)),
                new RectificationRejected("r1", "xinqi", "签到表缺失"),
                new RectificationEscalated("r1", "xinqi", due, LocalDate.of(2023, 7, 31)),
                new RectificationReported("r1", "xinqi", "签到表已补", List.of("training-1"), LocalDate.of(2023, 8, 2)),
                new RectificationVerified("r1", "xinqi", "属实"));
        harness.redeliver(projection, events.get(1));
        RectificationsProjection.RectificationView v = RectificationsProjection.documents(harness.db).find("r1");
        assertThat(v.status).isEqualTo("VERIFIED");
        assertThat(v.listed).isTrue();
        assertThat(v.listedOn).isEqualTo(LocalDate.of(2023, 7, 31));
        assertThat(v.reportedOn).isEqualTo(LocalDate.of(2023, 8, 2));
        // Verified on the district's date of its recording time (08:00 UTC, 16:00 in Beijing, on 2023-03-01).
        assertThat(v.verifiedOn).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(v.history).extracting(RectificationsProjection.Step::what)
                .containsExactly("ORDERED", "REPORTED", "REJECTED", "LISTED", "REPORTED", "VERIFIED");
        assertThat(v.history.get(1).evidence()).containsExactly("training-1");
        assertThat(v.history.get(2).actor()).isEqualTo("tester");
        // Both halves name the deadline missed: the workbench shows the reader's half.
        assertThat(v.history.get(3).text()).isEqualTo("逾期未整改，挂牌督办（期限 2023-07-28） / overdue, under listed supervision (due 2023-07-28)");
    }
}
