package cn.duban.query.reporting;

import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.query.common.FilledOnce;
import cn.duban.query.common.ProjectionTestBase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records' lists read the newest from logs in recording order, without HTTP: the same lists as
 * reading every record and sorting them, by unit, kind and status, past a window of the log and
 * past the list's limit; a store written before the logs reads the records as before.
 */
class RecordsInOrderTest extends ProjectionTestBase {
    static final LocalDate ON = LocalDate.of(2023, 3, 1);

    List<String> ids(List<ReportedRecordsProjection.RecordView> views) {
        return views.stream().map(v -> v.id).toList();
    }

    @Test
    void theNewestFirstByUnitKindAndStatusAsReadingEveryRecordWould() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        List<Object> events = new ArrayList<>();
        // 1,300 records: more than two windows of the log and more than a list holds.
        for (int i = 0; i < 650; i++) {
            String unit = i % 3 == 0 ? "gafj" : "xinqi";
            events.add(new TrainingRecorded("t" + i, unit, ON, "培训" + i, 20, BigDecimal.ONE));
            events.add(new InfoReportSubmitted("r" + i, unit, "信息" + i, ON, "正文", "GENERAL", List.of()));
            if (i % 5 == 0) {
                events.add(new InfoReportAccepted("r" + i, unit, InfoLevel.GENERAL, ON));
            }
        }
        for (int from = 0; from < events.size(); from += 400) {
            harness.given(projection, events.subList(from, Math.min(events.size(), from + 400)).toArray());
            projection.flush();
        }
        ReportedRecords records = new ReportedRecords(harness.db, null);
        List<List<String>> asked = new ArrayList<>();
        String[][] questions = {{"xinqi", null, null}, {"xinqi", "TRAINING", null}, {null, "INFO_REPORT", "ACCEPTED"},
                {"gafj", "INFO_REPORT", "SUBMITTED"}, {null, null, null}, {"xinqi", "APPEAL", null}, {"nobody", null, null}};
        for (String[] q : questions) {
            asked.add(ids(records.list(q[0], q[1], q[2])));
        }
        assertThat(asked.get(0)).hasSize(ReportedRecords.LIST_LIMIT).startsWith("r649", "t649", "r647");
        assertThat(asked.get(1)).hasSize(433).startsWith("t649", "t647", "t646");
        assertThat(asked.get(2)).hasSize(130).startsWith("r645", "r640");
        assertThat(asked.get(5)).isEmpty();
        assertThat(asked.get(6)).isEmpty();

        // The same answers from every record, sorted, as a store written before the logs reads them.
        harness.db.getCollection(ReportedRecordsProjection.IN_ORDER).deleteOne(Filters.eq("_id", FilledOnce.MARK));
        ReportedRecords before = new ReportedRecords(harness.db, null);
        for (int i = 0; i < questions.length; i++) {
            String[] q = questions[i];
            assertThat(ids(before.list(q[0], q[1], q[2]))).as("%s %s %s", q[0], q[1], q[2]).isEqualTo(asked.get(i));
        }
    }

    @Test
    void aStoreWithRecordsBeforeTheLogsIsNotMarkedWholeUntilARebuild() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        harness.given(projection, new TrainingRecorded("t1", "xinqi", ON, "培训", 20, BigDecimal.ONE));
        projection.flush();
        var inOrder = harness.db.getCollection(ReportedRecordsProjection.IN_ORDER);
        inOrder.drop(); // as an earlier release left the store: records, and no logs
        new ReportedRecordsProjection(harness.db);
        assertThat(inOrder.find(Filters.eq("_id", FilledOnce.MARK)).first()).as("not whole: the records came first").isNull();
        assertThat(ids(new ReportedRecords(harness.db, null).list("xinqi", null, null))).containsExactly("t1");

        projection.reset();
        assertThat(inOrder.find(Filters.eq("_id", FilledOnce.MARK)).first()).as("a replay fills them from the first event").isNotNull();
    }
}
