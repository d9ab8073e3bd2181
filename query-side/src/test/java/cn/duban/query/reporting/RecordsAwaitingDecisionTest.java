package cn.duban.query.reporting;

import cn.duban.kernel.assessment.AppealFiled;
import cn.duban.kernel.assessment.AppealRejected;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.query.common.ProjectionTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model of records awaiting the lead office's decision, given events, without HTTP. */
class RecordsAwaitingDecisionTest extends ProjectionTestBase {
    static final LocalDate ON = LocalDate.of(2023, 3, 1);

    static InfoReportSubmitted report(String id, String unit) {
        return new InfoReportSubmitted(id, unit, "标题" + id, ON, "正文", "GENERAL", List.of());
    }

    List<String> awaiting(String kind) {
        return new ReportedRecords(harness.db, NO_GRANTS).awaitingDecision(kind).stream().map(v -> v.id).toList();
    }

    @Test
    void aReportWaitsUntilAcceptedOrRejectedAndAnAppealUntilDecidedOldestFirst() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        harness.given(projection, report("r1", "xinqi"), report("r2", "gafj"), report("r3", "xinqi"),
                new TrainingRecorded("t1", "xinqi", ON, "培训", 20, BigDecimal.ONE),
                new AppealFiled("a1", "gafj", "beilun-2023", "1.1", "理由", List.of()));
        projection.flush();
        assertThat(awaiting("INFO_REPORT")).containsExactly("r1", "r2", "r3");
        assertThat(awaiting("APPEAL")).containsExactly("a1");
        assertThat(new ReportedRecords(harness.db, NO_GRANTS).countAwaitingDecision("INFO_REPORT")).isEqualTo(3);

        // Decided in a later batch, and one submitted and decided within the same batch.
        harness.given(projection, new InfoReportAccepted("r1", "xinqi", InfoLevel.GENERAL, ON),
                new InfoReportRejected("r3", "xinqi", "内容不实", ON), report("r4", "daqi"),
                new InfoReportAccepted("r4", "daqi", InfoLevel.GENERAL, ON),
                new AppealRejected("a1", "gafj", "beilun-2023", "1.1", "不予支持"));
        projection.flush();
        assertThat(awaiting("INFO_REPORT")).containsExactly("r2");
        assertThat(awaiting("APPEAL")).isEmpty();
        // The trainings of every command never enter it: only the mark and what waits are there.
        assertThat(harness.db.getCollection(ReportedRecordsProjection.AWAITING).countDocuments()).isEqualTo(2);
    }

    @Test
    void aWithdrawnReportLeavesTheQueueAndAWithdrawnRecordSaysWhenWhyAndByWhom() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        harness.given(projection, report("r1", "xinqi"), report("r2", "xinqi"),
                new TrainingRecorded("t1", "xinqi", ON, "培训", 20, BigDecimal.ONE));
        projection.flush();
        harness.given(projection, new InfoReportWithdrawn("r1", "xinqi", "发错了"), new TrainingWithdrawn("t1", "xinqi", "日期填错"));
        projection.flush();
        assertThat(awaiting("INFO_REPORT")).containsExactly("r2");
        ReportedRecords records = new ReportedRecords(harness.db, NO_GRANTS);
        assertThat(records.list("xinqi", null, "WITHDRAWN")).extracting(v -> v.id, v -> v.reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("r1", "发错了"), org.assertj.core.groups.Tuple.tuple("t1", "日期填错"));
        ReportedRecordsProjection.RecordView training = records.list("xinqi", "TRAINING", null).get(0);
        assertThat(training.withdrawnAt).isNotNull().isAfterOrEqualTo(training.recordedAt);
        assertThat(training.eventIds).as("its recording and its withdrawal").hasSize(2);
        assertThat(records.list("xinqi", "INFO_REPORT", "SUBMITTED")).extracting(v -> v.id).containsExactly("r2");
    }

    @Test
    void aCampaignListsItsStepsAndAWithdrawnStepLeavesItsMeasuresTotal() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        List<org.axonframework.eventhandling.TrackedEventMessage<?>> events = harness.given(projection,
                new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON),
                new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified", BigDecimal.valueOf(3), ON.plusDays(2)),
                new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities_rectified", BigDecimal.valueOf(30), ON.plusDays(9)));
        projection.flush();
        String wrong = events.get(2).getIdentifier();
        // Withdrawn in a later batch; a third step recorded and withdrawn within one batch.
        List<org.axonframework.eventhandling.TrackedEventMessage<?>> later = harness.given(projection,
                new CampaignProgressWithdrawn("c1", "xinqi", wrong, "多录了一个0"),
                new CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "shops_closed", BigDecimal.ONE, ON.plusDays(10)));
        harness.given(projection, new CampaignProgressWithdrawn("c1", "xinqi", later.get(1).getIdentifier(), "重复"));
        projection.flush();
        ReportedRecordsProjection.RecordView campaign = new ReportedRecords(harness.db, NO_GRANTS).find("c1").orElseThrow();
        assertThat(campaign.totals).containsEntry("communities_rectified", new BigDecimal("3"));
        assertThat(campaign.totals.get("shops_closed")).isEqualByComparingTo("0");
        assertThat(campaign.steps).extracting(step -> step.eventId).containsExactly(events.get(1).getIdentifier(), wrong, later.get(1).getIdentifier());
        assertThat(campaign.steps).extracting(step -> step.reason).containsExactly(null, "多录了一个0", "重复");
        assertThat(campaign.steps.get(0).withdrawnAt).isNull();
        assertThat(campaign.steps.get(1).withdrawnAt).isNotNull().isAfterOrEqualTo(campaign.steps.get(1).recordedAt);
        assertThat(campaign.status).as("the campaign itself is no withdrawn record").isEqualTo("OPEN");
    }

    @Test
    void aStoreWrittenBeforeTheReadModelExistedGetsItFromItsRecordsOnce() throws Exception {
        ReportedRecordsProjection before = new ReportedRecordsProjection(harness.db);
        harness.given(before, report("r1", "xinqi"), report("r2", "gafj"), new InfoReportAccepted("r2", "gafj", InfoLevel.GENERAL, ON),
                new AppealFiled("a1", "gafj", "beilun-2023", "1.1", "理由", List.of()));
        before.flush();
        // As an earlier release left the store: the records, and no read model of what waits.
        harness.db.getCollection(ReportedRecordsProjection.AWAITING).drop();
        assertThat(awaiting("INFO_REPORT")).isEmpty();

        new ReportedRecordsProjection(harness.db);
        assertThat(awaiting("INFO_REPORT")).containsExactly("r1");
        assertThat(awaiting("APPEAL")).containsExactly("a1");

        // Once: an entry removed since (as a decision would) is not brought back by the next start.
        harness.db.getCollection(ReportedRecordsProjection.AWAITING).deleteOne(new Document("_id", "a1"));
        new ReportedRecordsProjection(harness.db);
        assertThat(awaiting("APPEAL")).isEmpty();
    }

    @Test
    void aRebuildStartsItEmptyAndFillsItAsTheEventsReplay() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        var events = harness.given(projection, report("r1", "xinqi"), report("r2", "gafj"));
        projection.flush();
        projection.reset();
        assertThat(awaiting("INFO_REPORT")).isEmpty();
        List<Object> payloads = new ArrayList<>();
        events.forEach(e -> payloads.add(e.getPayload()));
        harness.given(projection, payloads.get(1));
        projection.flush();
        // A start between the reset and the end of the replay does not fill it from half the records.
        new ReportedRecordsProjection(harness.db);
        assertThat(awaiting("INFO_REPORT")).containsExactly("r2");
    }
}
