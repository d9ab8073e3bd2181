package cn.duban.query.reporting;

import cn.duban.kernel.assessment.AppealFiled;
import cn.duban.kernel.assessment.AppealWithdrawn;
import cn.duban.kernel.assessment.AppealRejected;
import cn.duban.kernel.assessment.AppealUpheld;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignClosed;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The records list, read through {@link RecordsByUnit}'s keys, given events, without HTTP. */
class RecordsListTest extends ProjectionTestBase {
    static final LocalDate ON = LocalDate.of(2023, 3, 1);

    static TrainingRecorded training(String id, String unit) {
        return new TrainingRecorded(id, unit, ON, "培训" + id, 20, BigDecimal.ONE);
    }

    static InfoReportSubmitted report(String id, String unit) {
        return new InfoReportSubmitted(id, unit, "标题" + id, ON, "正文", "GENERAL", List.of());
    }

    List<String> list(String unit, String kind, String status) {
        return new ReportedRecords(harness.db, NO_GRANTS).list(unit, kind, status).stream().map(v -> v.id).toList();
    }

    /** Each event an hour after the one before (the harness's clock): the order given is the order recorded. */
    @Test
    void aUnitsRecordsOfEveryKindAreListedNewestFirstAndNoOtherUnits() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        harness.given(projection, training("t1", "xinqi"), report("r1", "xinqi"), training("t2", "xinqi-2"), report("r2", "xinqi"),
                new IndicatorReported("i1", "xinqi", "registration_rate", 2023, new BigDecimal("0.9"), null, null, List.of()),
                new AchievementRecorded("h1", "xinqi", FactKind.MEDIA_PUBLICATION, "CITY", "宁波日报刊发", ON, List.of()),
                new AppealFiled("a1", "gafj", "beilun-2023", "1.1", "理由", List.of()),
                new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON),
                new AppealFiled("a2", "xinqi", "beilun-2023", "1.2", "理由", List.of()),
                training("t3", "xinqi"));
        projection.flush();
        harness.given(projection, new InfoReportAccepted("r1", "xinqi", InfoLevel.GENERAL, ON));
        projection.flush();

        assertThat(list("xinqi", null, null)).containsExactly("t3", "a2", "c1", "h1", "i1", "r2", "r1", "t1");
        assertThat(list("xinqi", "TRAINING", null)).containsExactly("t3", "t1");
        assertThat(list("xinqi-2", null, null)).as("a unit whose id begins with another's").containsExactly("t2");
        assertThat(list("xinqi", "INFO_REPORT", "SUBMITTED")).containsExactly("r2");
        assertThat(list("xinqi", null, "ACCEPTED")).containsExactly("r1");
        // What waits for a decision is read from the few records that wait.
        assertThat(list(null, null, "FILED")).containsExactly("a2", "a1");
        assertThat(list("gafj", "APPEAL", "FILED")).containsExactly("a1");
        assertThat(list("xinqi", "TRAINING", "SUBMITTED")).isEmpty();
        assertThat(new ReportedRecords(harness.db, NO_GRANTS).list(null, null, "FILED", 1)).extracting(v -> v.id).containsExactly("a1");
        assertThat(list(null, "APPEAL", null)).as("every unit's, as the lead office lists appeals").containsExactly("a2", "a1");
        assertThat(list(null, null, null)).containsExactly("t3", "a2", "c1", "a1", "h1", "i1", "r2", "t2", "r1", "t1");
        assertThat(list("daqi", null, null)).isEmpty();
        // The list reads whole records, the status as it is now.
        RecordView r1 = new ReportedRecords(harness.db, NO_GRANTS).list("xinqi", "INFO_REPORT", null).get(1);
        assertThat(r1.status).isEqualTo("ACCEPTED");
        assertThat(r1.title).isEqualTo("标题r1");
    }

    @Test
    void aLongListStopsAtItsLimitNewestFirstAndAStatusIsFoundBeyondAPageOfOthers() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        harness.given(projection, new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON));
        List<Object> trainings = new ArrayList<>();
        IntStream.range(0, ReportedRecords.LIST_LIMIT + 150).forEach(i -> trainings.add(training(String.format("t%04d", i), "xinqi")));
        harness.given(projection, trainings.toArray());
        projection.flush();

        List<String> newest = list("xinqi", null, null);
        assertThat(newest).hasSize(ReportedRecords.LIST_LIMIT);
        assertThat(newest.get(0)).isEqualTo(String.format("t%04d", ReportedRecords.LIST_LIMIT + 149));
        assertThat(newest.get(ReportedRecords.LIST_LIMIT - 1)).isEqualTo("t0150");
        assertThat(list("xinqi", "CAMPAIGN", null)).containsExactly("c1");
        assertThat(list("xinqi", null, "OPEN")).as("older than 650 trainings").containsExactly("c1");

        // The next page: from the 500th newest, the rest of the trainings and then the campaign.
        ReportedRecords records = new ReportedRecords(harness.db, NO_GRANTS);
        List<String> next = records.list("xinqi", null, null, ReportedRecords.LIST_LIMIT).stream().map(v -> v.id).toList();
        assertThat(next).hasSize(151).startsWith("t0149").endsWith("t0000", "c1");
        assertThat(records.list("xinqi", "TRAINING", null, 640)).extracting(v -> v.id).containsExactly(
                IntStream.rangeClosed(0, 9).map(i -> 9 - i).mapToObj(i -> String.format("t%04d", i)).toArray(String[]::new));
        // Skipped among those of the status asked for.
        assertThat(records.list("xinqi", null, "OPEN", 1)).isEmpty();
        assertThat(records.list("xinqi", null, "OPEN", 0)).extracting(v -> v.id).containsExactly("c1");
    }

    /**
     * A year's records: of the day each happened, or an indicator figure's year, whenever recorded (a
     * day of the new year recorded before it began in UTC, a record of last year recorded late).
     */
    @Test
    void aYearsRecordsAreThoseOfItsDaysFoundAmongTheKeysRecordedSinceItBegan() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        harness.clock = Instant.parse("2022-12-31T10:00:00Z");
        harness.given(projection,
                new TrainingRecorded("t2022", "xinqi", LocalDate.of(2022, 12, 31), "年末培训", 20, BigDecimal.ONE));
        // 2023-01-01 early morning in Beijing, still 2022 in UTC: a day of 2023 recorded before 2023 began in UTC.
        harness.clock = Instant.parse("2022-12-31T16:30:00Z");
        harness.given(projection, new TrainingRecorded("t-new-year", "xinqi", LocalDate.of(2023, 1, 1), "元旦值班培训", 5, BigDecimal.ONE));
        harness.clock = Instant.parse("2023-06-01T00:00:00Z");
        harness.given(projection,
                new TrainingRecorded("t2023", "xinqi", LocalDate.of(2023, 5, 31), "五月培训", 20, BigDecimal.ONE),
                new TrainingRecorded("t2022-late", "xinqi", LocalDate.of(2022, 11, 2), "补录的去年培训", 20, BigDecimal.ONE),
                new IndicatorReported("i2022", "xinqi", "registration_rate", 2022, new BigDecimal("0.9"), null, null, List.of()),
                new IndicatorReported("i2023", "xinqi", "registration_rate", 2023, new BigDecimal("0.95"), null, null, List.of()),
                new AppealFiled("a1", "xinqi", "beilun-2023", "1.2", "理由", List.of()),
                new CampaignLaunched("c2023", "xinqi", "GROUP_RENTAL", "群租整治", LocalDate.of(2023, 3, 1)),
                new TrainingRecorded("t-daqi", "daqi", LocalDate.of(2023, 5, 1), "大碶培训", 20, BigDecimal.ONE));
        projection.flush();
        harness.given(projection, new TrainingWithdrawn("t2023", "xinqi", "填错"));
        projection.flush();

        ReportedRecords records = new ReportedRecords(harness.db, NO_GRANTS);
        java.util.function.BiFunction<String, Integer, List<String>> ofYear = (kind, year) ->
                records.list("xinqi", kind, null, year, 0).stream().map(v -> v.id).toList();
        assertThat(ofYear.apply(null, 2023)).containsExactly("c2023", "i2023", "t2023", "t-new-year");
        assertThat(ofYear.apply(null, 2022)).containsExactly("i2022", "t2022-late", "t2022");
        assertThat(ofYear.apply("TRAINING", 2022)).containsExactly("t2022-late", "t2022");
        assertThat(ofYear.apply(null, 2024)).isEmpty();
        assertThat(ofYear.apply(null, 2021)).isEmpty();
        // With a status, and with one that waits for a decision (an appeal is of no year).
        assertThat(records.list("xinqi", null, "WITHDRAWN", 2023, 0)).extracting(v -> v.id).containsExactly("t2023");
        assertThat(records.list("xinqi", null, "WITHDRAWN", 2022, 0)).isEmpty();
        assertThat(records.list("xinqi", null, "FILED", null, 0)).extracting(v -> v.id).containsExactly("a1");
        assertThat(records.list("xinqi", null, "FILED", 2023, 0)).isEmpty();
        assertThat(records.list("xinqi", null, null, 2023, 2)).extracting(v -> v.id).containsExactly("t2023", "t-new-year");
        assertThat(records.list(null, "TRAINING", null, 2023, 0)).extracting(v -> v.id).containsExactly("t-daqi", "t2023", "t-new-year");
    }

    /**
     * A list by status reads only the kinds that take it (a campaign is never WITHDRAWN, a training never
     * ACCEPTED): every status each kind reaches is found, which fails if the kinds of a status leave one out.
     */
    @Test
    void everyStatusOfEveryKindIsFoundAmongTheKindsThatTakeIt() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        var app = (java.util.function.Function<String, AppealFiled>) id -> new AppealFiled(id, "xinqi", "beilun-2023", "1.2", "理由", List.of());
        harness.given(projection, report("r-sub", "xinqi"), report("r-acc", "xinqi"), report("r-rej", "xinqi"), report("r-wd", "xinqi"),
                app.apply("a-filed"), app.apply("a-up"), app.apply("a-rej"), app.apply("a-wd"),
                new CampaignLaunched("c-open", "xinqi", "GROUP_RENTAL", "群租整治", ON), new CampaignLaunched("c-closed", "xinqi", "GROUP_RENTAL", "群租整治二", ON),
                new CampaignLaunched("c-wd", "xinqi", "GROUP_RENTAL", "群租整治（重复）", ON),
                training("t-wd", "xinqi"), new AchievementRecorded("h-wd", "xinqi", FactKind.MEDIA_PUBLICATION, "CITY", "宁波日报刊发", ON, List.of()),
                new IndicatorReported("i-wd", "xinqi", "registration_rate", 2023, new BigDecimal("0.9"), null, null, List.of()));
        projection.flush();
        harness.given(projection, new InfoReportAccepted("r-acc", "xinqi", InfoLevel.GENERAL, ON), new InfoReportRejected("r-rej", "xinqi", "不符", ON),
                new InfoReportWithdrawn("r-wd", "xinqi", "发错"), new AppealUpheld("a-up", "xinqi", "beilun-2023", "1.2", BigDecimal.ONE, "属实"),
                new AppealRejected("a-rej", "xinqi", "beilun-2023", "1.2", "不属实"), new AppealWithdrawn("a-wd", "xinqi", "beilun-2023", "1.2", "撤回"),
                new CampaignClosed("c-closed", "xinqi", "GROUP_RENTAL", ON, "完成"), new CampaignWithdrawn("c-wd", "xinqi", "重复启动"),
                new TrainingWithdrawn("t-wd", "xinqi", "填错"),
                new AchievementWithdrawn("h-wd", "xinqi", "填错"), new IndicatorReportWithdrawn("i-wd", "xinqi", "i-wd-event", "填错"));
        projection.flush();

        assertThat(list("xinqi", null, "SUBMITTED")).containsExactly("r-sub");
        assertThat(list("xinqi", null, "ACCEPTED")).containsExactly("r-acc");
        assertThat(list("xinqi", null, "REJECTED")).containsExactlyInAnyOrder("r-rej", "a-rej");
        assertThat(list("xinqi", null, "WITHDRAWN")).containsExactlyInAnyOrder("r-wd", "a-wd", "t-wd", "h-wd", "i-wd", "c-wd");
        assertThat(list("xinqi", null, "FILED")).containsExactly("a-filed");
        assertThat(list("xinqi", null, "UPHELD")).containsExactly("a-up");
        assertThat(list("xinqi", null, "OPEN")).containsExactly("c-open");
        assertThat(list("xinqi", null, "CLOSED")).containsExactly("c-closed");
        assertThat(list("xinqi", "CAMPAIGN", "WITHDRAWN")).containsExactly("c-wd");
        assertThat(list("xinqi", "CAMPAIGN", "ACCEPTED")).isEmpty();
        assertThat(list("xinqi", "APPEAL", "REJECTED")).containsExactly("a-rej");
        // The final statuses few records reach are read from their own keys; a store without them gets them from its records once.
        List<String> setAside = new ArrayList<>();
        harness.db.getCollection(RecordsByUnit.SET_ASIDE).find().forEach(d -> setAside.add(d.getString("_id").replaceAll("/\\d{4}/\\d+/", "/")));
        assertThat(setAside).containsExactlyInAnyOrder(cn.duban.query.common.FilledOnce.MARK, RecordsByUnit.LAYOUT_MARK,
                "xinqi/REJECTED:INFO_REPORT/r-rej", "xinqi/REJECTED:APPEAL/a-rej", "xinqi/UPHELD:APPEAL/a-up", "xinqi/WITHDRAWN:INFO_REPORT/r-wd",
                "xinqi/WITHDRAWN:APPEAL/a-wd", "xinqi/WITHDRAWN:TRAINING/t-wd", "xinqi/WITHDRAWN:ACHIEVEMENT/h-wd", "xinqi/WITHDRAWN:INDICATOR/i-wd",
                "xinqi/WITHDRAWN:CAMPAIGN/c-wd");
        harness.db.getCollection(RecordsByUnit.SET_ASIDE).drop();
        assertThat(list("xinqi", null, "WITHDRAWN")).isEmpty();
        new ReportedRecordsProjection(harness.db);
        assertThat(list("xinqi", null, "WITHDRAWN")).containsExactlyInAnyOrder("r-wd", "a-wd", "t-wd", "h-wd", "i-wd", "c-wd");
        assertThat(list(null, null, "UPHELD")).containsExactly("a-up");
    }

    /** Keys written without the year (stop 51) are written again with it, once, at the next start. */
    @Test
    void keysWrittenWithoutTheYearAreWrittenAgainWithItOnce() throws Exception {
        ReportedRecordsProjection before = new ReportedRecordsProjection(harness.db);
        harness.given(before, training("t1", "xinqi"), report("r1", "xinqi"),
                new IndicatorReported("i2022", "xinqi", "registration_rate", 2022, new BigDecimal("0.9"), null, null, List.of()));
        before.flush();
        // As stop 51 left the store: unit/kind/time/id, marked filled, no mark of the layout.
        var keys = harness.db.getCollection(RecordsByUnit.COLLECTION);
        keys.drop();
        keys.insertOne(new org.bson.Document("_id", "xinqi/TRAINING/001677636000000000000/t1"));
        keys.insertOne(new org.bson.Document("_id", "xinqi/INFO_REPORT/001677639600000000000/r1"));
        keys.insertOne(new org.bson.Document("_id", cn.duban.query.common.FilledOnce.MARK));

        new ReportedRecordsProjection(harness.db);
        List<String> ids = new ArrayList<>();
        keys.find().forEach(d -> ids.add(d.getString("_id")));
        assertThat(ids).containsExactlyInAnyOrder(cn.duban.query.common.FilledOnce.MARK, RecordsByUnit.LAYOUT_MARK,
                "xinqi/TRAINING/2023/" + ids.stream().filter(k -> k.endsWith("/t1")).findFirst().orElseThrow().split("/")[3] + "/t1",
                ids.stream().filter(k -> k.startsWith("xinqi/INFO_REPORT/2023/") && k.endsWith("/r1")).findFirst().orElseThrow(),
                ids.stream().filter(k -> k.startsWith("xinqi/INDICATOR/2022/") && k.endsWith("/i2022")).findFirst().orElseThrow());
        assertThat(list("xinqi", null, null)).containsExactly("i2022", "r1", "t1");
        assertThat(new ReportedRecords(harness.db, NO_GRANTS).list("xinqi", null, null, 2022, 0)).extracting(v -> v.id).containsExactly("i2022");
        // Started again, nothing is written again: the layout is marked.
        keys.deleteOne(com.mongodb.client.model.Filters.regex("_id", "/t1$"));
        new ReportedRecordsProjection(harness.db);
        assertThat(list("xinqi", null, null)).containsExactly("i2022", "r1");
    }

    @Test
    void aStoreWrittenBeforeTheKeysExistedGetsThemFromItsRecordsOnce() throws Exception {
        ReportedRecordsProjection before = new ReportedRecordsProjection(harness.db);
        harness.given(before, training("t1", "xinqi"), report("r1", "gafj"), training("t2", "xinqi"));
        before.flush();
        // As an earlier release left the store: the records, and no keys.
        harness.db.getCollection(RecordsByUnit.COLLECTION).drop();
        assertThat(list("xinqi", null, null)).isEmpty();

        new ReportedRecordsProjection(harness.db);
        assertThat(list("xinqi", null, null)).containsExactly("t2", "t1");
        assertThat(list(null, null, null)).containsExactly("t2", "r1", "t1");

        // Once: a key removed since is not brought back by the next start.
        harness.db.getCollection(RecordsByUnit.COLLECTION).deleteMany(new org.bson.Document("_id", new org.bson.Document("$regex", "^gafj/")));
        new ReportedRecordsProjection(harness.db);
        assertThat(list("gafj", null, null)).isEmpty();
    }

    @Test
    void aRedeliveredRecordIsListedOnceAndARebuildListsWhatTheReplayReached() throws Exception {
        ReportedRecordsProjection projection = new ReportedRecordsProjection(harness.db);
        List<TrackedEventMessage<?>> events = harness.given(projection, training("t1", "xinqi"), training("t2", "xinqi"));
        projection.flush();
        harness.redeliver(projection, events.get(0));
        projection.flush();
        assertThat(list("xinqi", null, null)).containsExactly("t2", "t1");

        projection.reset();
        assertThat(list("xinqi", null, null)).isEmpty();
        harness.redeliver(projection, events.get(0));
        projection.flush();
        // A start in the middle of the replay does not fill the keys from half the records.
        new ReportedRecordsProjection(harness.db);
        assertThat(list("xinqi", null, null)).containsExactly("t1");
    }
}
