package cn.duban.query.assessment;

import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.AppliesTo;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.scheme.SchemesProjection;
import cn.duban.query.unit.UnitsProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The score read models, given events and no HTTP: the unit's fact log, its timeline (a point per
 * fact that changed nothing or something) and its current totals, each event counted once however
 * often it is delivered. The units and schemes read models are fed the same events first, as the one
 * processor does.
 */
class ScoreProjectionTest extends ProjectionTestBase {
    /** One item: 业务培训, two trainings a year, 3 points off for each one missing, out of 6. */
    static final SchemeDocument SCHEME = new SchemeDocument("beilun-2023", 2023, "北仑区2023年度考核", new BigDecimal("0.3"), List.of(
            new SchemeItem("S1.4", "基础工作", "业务培训", BigDecimal.valueOf(6), Base.FULL, null, new AppliesTo(UnitType.STREET, null, null),
                    List.of(new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.valueOf(3), null, null, null, null, null, null, null,
                            null, null, null)), "业务培训1年2次以上")));

    @Test
    void trainingsRaiseTheTotalsOnceEachAndEveryStepIsOnTheTimeline() throws Exception {
        ScoreProjection score = new ScoreProjection(harness.db);
        schemeAndUnitGiven(score, SCHEME);
        score.flush();
        assertThat(totals()).as("a unit that has done nothing yet").isEqualByComparingTo("0");

        List<TrackedEventMessage<?>> trainings = harness.given(score,
                new TrainingRecorded("t1", "xinqi", LocalDate.of(2023, 3, 15), "流动人口信息采集培训", 40, new BigDecimal("2")),
                new TrainingRecorded("t2", "xinqi", LocalDate.of(2023, 9, 20), "出租房屋管理培训", 35, new BigDecimal("1.5")));
        score.flush();
        harness.redeliver(score, trainings.get(0));
        harness.redeliver(score, trainings.get(1));
        score.flush();

        assertThat(totals()).isEqualByComparingTo("6");
        assertThat(new ChunkedLog(harness.db, ScoreProjection.FACTS).read("xinqi")).as("each training once in the fact log").hasSize(2);
        List<ScoreProjection.TimelinePoint> timeline = new ChunkedLog(harness.db, ScoreProjection.TIMELINES)
                .read(ScoreProjection.key("beilun-2023", "xinqi")).stream()
                .map(d -> ReadModelJson.fromDocument(d, ScoreProjection.TimelinePoint.class)).toList();
        assertThat(timeline).extracting(ScoreProjection.TimelinePoint::total).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("3"), new BigDecimal("6"));
        assertThat(timeline.get(1).position()).isEqualTo(trainings.get(1).trackingToken().position().orElseThrow());
    }

    /**
     * A training found untrue stops counting: the projection's ledger, which keeps counts and not the
     * facts, is folded again from the log told of it; redelivered, it changes nothing; and a
     * projection started afresh (a restart) folds the log with it to the same totals.
     */
    @Test
    void aTrainingFoundUntrueStopsCountingNowAndAfterARestart() throws Exception {
        ScoreProjection score = new ScoreProjection(harness.db);
        schemeAndUnitGiven(score, SCHEME);
        harness.given(score,
                new TrainingRecorded("t1", "xinqi", LocalDate.of(2023, 3, 15), "流动人口信息采集培训", 40, new BigDecimal("2")),
                new TrainingRecorded("t2", "xinqi", LocalDate.of(2023, 9, 20), "出租房屋管理培训", 35, new BigDecimal("1.5")));
        score.flush();
        assertThat(totals()).isEqualByComparingTo("6");

        List<TrackedEventMessage<?>> verdict = harness.given(score, new cn.duban.kernel.supervision.SampledRecordDisqualified("s1", "xinqi",
                cn.duban.kernel.supervision.SampleKind.TRAINING, "t1", cn.duban.kernel.supervision.Verdict.FLAGGED, "无签到表", "li", "wang"));
        score.flush();
        assertThat(totals()).as("one training left of two").isEqualByComparingTo("3");
        harness.redeliver(score, verdict.get(0));
        score.flush();
        assertThat(totals()).as("the verdict redelivered").isEqualByComparingTo("3");

        ScoreProjection restarted = new ScoreProjection(harness.db);
        harness.given(restarted, new TrainingRecorded("t3", "xinqi", LocalDate.of(2023, 11, 2), "政策宣讲培训", 30, new BigDecimal("1")));
        restarted.flush();
        assertThat(totals()).as("t2 and t3 count, t1 does not").isEqualByComparingTo("6");
        harness.given(restarted, new TrainingRecorded("t1", "xinqi", LocalDate.of(2023, 12, 1), "补录", 30, new BigDecimal("1")));
        restarted.flush();
        assertThat(totals()).as("the untrue record, reported again, still does not count").isEqualByComparingTo("6");
        List<ScoreProjection.TimelinePoint> timeline = new ChunkedLog(harness.db, ScoreProjection.TIMELINES)
                .read(ScoreProjection.key("beilun-2023", "xinqi")).stream()
                .map(d -> ReadModelJson.fromDocument(d, ScoreProjection.TimelinePoint.class)).toList();
        assertThat(timeline).extracting(ScoreProjection.TimelinePoint::total).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("3"), new BigDecimal("6"), new BigDecimal("3"), new BigDecimal("6"), new BigDecimal("6"));
    }

    /** One uncapped bonus item, a point per training: the total counts every training. */
    static final String PER_TRAINING = """
            { "id": "beilun-2023", "year": 2023, "title": "北仑区2023年度考核", "supervisionWeight": 0.3,
              "items": [ { "code": "B1", "category": "创新工作", "title": "培训加分", "bonus": true, "appliesTo": {"all": true},
                           "rules": [ {"kind": "PER_ITEM", "fact": "TRAINING", "points": 1} ] } ] }
            """;

    /**
     * After a restart the projection reads the ledger it saved and folds on from there: with the
     * log's first chunks changed to say something else, it still counts every training. A verdict on a training counted before
     * the save, which the saved ledger did not foresee, has the whole log folded again, as does a
     * saved ledger that cannot be read.
     */
    @Test
    void afterARestartTheSavedLedgerIsFoldedOnNotTheWholeLog() throws Exception {
        ScoreProjection score = trainingsGiven(200);
        assertThat(totals()).isEqualByComparingTo("200");
        Document saved = harness.db.getCollection(ScoreProjection.LEDGERS).find(new Document("_id", ScoreProjection.key("beilun-2023", "xinqi"))).first();
        assertThat(saved).as("saved every 50 facts").isNotNull();
        assertThat(saved.getInteger("recorded")).isEqualTo(200);

        var factChunks = harness.db.getCollection(ScoreProjection.FACTS);
        org.bson.conversions.Bson firstChunks = com.mongodb.client.model.Filters.and(
                com.mongodb.client.model.Filters.eq("key", "xinqi"), com.mongodb.client.model.Filters.lt("n", 4));
        List<Document> original = factChunks.find(firstChunks).into(new java.util.ArrayList<>());
        assertThat(original).hasSize(4);
        for (Document chunk : original) {
            Document changed = Document.parse(chunk.toJson());
            changed.getList("entries", Document.class).forEach(e -> e.put("kind", "MEDIA_PUBLICATION"));
            factChunks.replaceOne(new Document("_id", chunk.get("_id")), changed);
        }
        ScoreProjection restarted = new ScoreProjection(harness.db, 50);
        harness.given(restarted, new TrainingRecorded("t200", "xinqi", LocalDate.of(2023, 9, 1), "培训200", 20, BigDecimal.ONE));
        restarted.flush();
        assertThat(totals()).as("the first 128 trainings come from the saved ledger").isEqualByComparingTo("201");

        original.forEach(chunk -> factChunks.replaceOne(new Document("_id", chunk.get("_id")), chunk));
        harness.given(restarted, new cn.duban.kernel.supervision.SampledRecordDisqualified("s1", "xinqi",
                cn.duban.kernel.supervision.SampleKind.TRAINING, "t5", cn.duban.kernel.supervision.Verdict.FLAGGED, "无签到表", "li", "wang"));
        restarted.flush();
        assertThat(totals()).as("t5 taken back: the log folded again, told of the verdict").isEqualByComparingTo("200");
        ScoreProjection again = new ScoreProjection(harness.db, 50);
        harness.given(again, new TrainingRecorded("t201", "xinqi", LocalDate.of(2023, 9, 2), "培训201", 20, BigDecimal.ONE));
        again.flush();
        assertThat(totals()).isEqualByComparingTo("201");

        // A saved ledger that cannot be read (another release's, or damaged) is passed over: the whole log is folded.
        harness.db.getCollection(ScoreProjection.LEDGERS).updateOne(new Document("_id", ScoreProjection.key("beilun-2023", "xinqi")),
                new Document("$set", new Document("ledger", new Document("tallies", "not a list"))));
        ScoreProjection afterDamage = new ScoreProjection(harness.db, 50);
        harness.given(afterDamage, new TrainingRecorded("t202", "xinqi", LocalDate.of(2023, 9, 3), "培训202", 20, BigDecimal.ONE));
        afterDamage.flush();
        assertThat(totals()).isEqualByComparingTo("202");
    }

    /**
     * 撤回 after a restart: the saved ledger did not foresee it, so the log is folded again, told of
     * it (a fact log's withdrawal read back as one, not as a verdict); the record stops counting, and
     * it is no mark for the results notice's 通报批评.
     */
    @Test
    void aWithdrawalAfterARestartTakesTheRecordOutAndIsNoNoticeMark() throws Exception {
        trainingsGiven(120);
        assertThat(totals()).isEqualByComparingTo("120");

        ScoreProjection restarted = new ScoreProjection(harness.db, 50);
        harness.given(restarted, new cn.duban.kernel.reporting.TrainingWithdrawn("t7", "xinqi", "重复录入"));
        restarted.flush();
        assertThat(totals()).isEqualByComparingTo("119");
        ScoreProjection again = new ScoreProjection(harness.db, 50);
        harness.given(again, new TrainingRecorded("t120", "xinqi", LocalDate.of(2023, 6, 1), "培训120", 20, BigDecimal.ONE));
        again.flush();
        assertThat(totals()).as("the saved ledger knows of the withdrawal").isEqualByComparingTo("120");
        assertThat(NoticeMarks.byUnit(harness.db).getOrDefault("xinqi", List.of())).isEmpty();
    }

    /**
     * The results notice's marks: a record found untrue and a 抄告单 escalated are copied from the
     * fact log as they are appended, once however often delivered, and trainings are not. A store
     * whose logs were written before the marks existed gets them from its logs once, at the next
     * start; a replay starts them empty.
     */
    @Test
    void theNoticeMarksAreTheLogsUntrueRecordsAndEscalatedCopyNotices() throws Exception {
        ScoreProjection score = new ScoreProjection(harness.db);
        schemeAndUnitGiven(score, SCHEME);
        List<TrackedEventMessage<?>> given = harness.given(score,
                new TrainingRecorded("t1", "xinqi", LocalDate.of(2023, 3, 15), "流动人口信息采集培训", 40, new BigDecimal("2")),
                new cn.duban.kernel.supervision.SampledRecordDisqualified("s1", "xinqi",
                        cn.duban.kernel.supervision.SampleKind.TRAINING, "t1", cn.duban.kernel.supervision.Verdict.FLAGGED, "无签到表", "li", "wang"),
                new cn.duban.kernel.supervision.CopyNoticeEscalated("cn-1", "xinqi", LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 2)));
        score.flush();
        for (TrackedEventMessage<?> m : given) {
            harness.redeliver(score, m);
        }
        score.flush();
        var marks = NoticeMarks.byUnit(harness.db);
        assertThat(marks.get("xinqi")).extracting(FactEntry::factType, FactEntry::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DISQUALIFICATION", null),
                org.assertj.core.groups.Tuple.tuple("OCCURRENCE", FactKind.COPY_NOTICE_ESCALATED));
        List<FactEntry> log = new ChunkedLog(harness.db, ScoreProjection.FACTS).read("xinqi").stream().map(FactEntry::fromDocument).toList();
        assertThat(marks.get("xinqi")).as("the log's own entries").containsExactly(log.get(1), log.get(2));

        harness.db.getCollection(NoticeMarks.COLLECTION).drop(); // as a store of an earlier release has it
        new ScoreProjection(harness.db);
        assertThat(NoticeMarks.byUnit(harness.db)).as("filled from the logs at the start").isEqualTo(marks);
        harness.db.getCollection(NoticeMarks.COLLECTION).deleteMany(new Document("unitId", "xinqi"));
        new ScoreProjection(harness.db);
        assertThat(NoticeMarks.byUnit(harness.db)).as("filled once, not at every start").isEmpty();

        score.reset();
        assertThat(NoticeMarks.byUnit(harness.db)).isEmpty();
        new ScoreProjection(harness.db);
        assertThat(NoticeMarks.byUnit(harness.db)).as("a replay fills them, not the next start").isEmpty();
    }

    /** A scheme of a point per training, 新碶, and that many trainings of 2023 handled by a projection that saves its ledgers every 50 facts. */
    private ScoreProjection trainingsGiven(int count) throws Exception {
        ScoreProjection score = new ScoreProjection(harness.db, 50);
        schemeAndUnitGiven(score, ReadModelJson.fromDocument(Document.parse(PER_TRAINING), SchemeDocument.class));
        Object[] trainings = new Object[count];
        for (int i = 0; i < trainings.length; i++) {
            trainings[i] = new TrainingRecorded("t" + i, "xinqi", LocalDate.of(2023, 1, 1).plusDays(i), "培训" + i, 20, BigDecimal.ONE);
        }
        harness.given(score, trainings);
        score.flush();
        return score;
    }

    /** The scheme drafted and published and 新碶 registered, handled first by their own read models, as the one processor does. */
    private void schemeAndUnitGiven(ScoreProjection score, SchemeDocument scheme) throws Exception {
        for (TrackedEventMessage<?> m : harness.given(new SchemesProjection(harness.db), new SchemeDrafted("beilun-2023", 1, scheme),
                new SchemePublished("beilun-2023", 1, 2023))) {
            harness.redeliver(score, m);
        }
        for (TrackedEventMessage<?> m : harness.given(new UnitsProjection(harness.db), new UnitRegistered("xinqi", "新碶街道", UnitType.STREET))) {
            harness.redeliver(score, m);
        }
    }

    private BigDecimal totals() {
        Document d = harness.db.getCollection(ScoreProjection.TOTALS).find(new Document("_id", ScoreProjection.key("beilun-2023", "xinqi"))).first();
        assertThat(d).isNotNull();
        return ReadModelJson.fromDocument(d, ScoreProjection.ScoreTotals.class).total();
    }
}
