package cn.duban.standalone;

import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.query.common.AdminController;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.query.scheme.SchemesProjection;
import cn.duban.query.assessment.ScoreProjection;
import cn.duban.query.unit.UnitsProjection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Read models rebuilt from the events, or fed events again, equal the live ones field by field. */
@SpringBootTest(classes = DubanApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelRebuildIT {
    static final List<String> READ_MODELS = List.of(UnitsProjection.COLLECTION, SchemesProjection.COLLECTION,
            ScoreProjection.FACTS, ScoreProjection.TIMELINES, ScoreProjection.TIMELINE_STRIDES, ScoreProjection.TOTALS,
            cn.duban.query.assignment.AssignmentsProjection.COLLECTION, cn.duban.query.assignment.NotificationsProjection.COLLECTION,
            cn.duban.query.supervision.RoundsProjection.COLLECTION, cn.duban.query.supervision.VetoesProjection.COLLECTION,
            cn.duban.query.audit.AuditProjection.COLLECTION, cn.duban.query.supervision.SamplesProjection.COLLECTION,
            cn.duban.query.supervision.RectificationsProjection.COLLECTION, cn.duban.query.assessment.NoticesProjection.COLLECTION,
            cn.duban.query.reporting.ReportedRecordsProjection.COLLECTION, cn.duban.query.reporting.ReportedRecordsProjection.AWAITING,
            cn.duban.query.reporting.RecordsByUnit.COLLECTION, cn.duban.query.reporting.RecordsByUnit.SET_ASIDE);

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @Autowired
    CommandGateway gateway;
    @Autowired
    MongoDatabase db;
    @Autowired
    AdminController admin;
    @Autowired
    ProjectionProgress progress;
    @Autowired
    SequencedMongoEventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TokenStore tokens;
    @Autowired
    cn.duban.command.deadlines.DeadlineScheduler scheduler;
    @Autowired
    cn.duban.command.supervision.SamplingFrameIndex frames;
    @Autowired
    cn.duban.command.supervision.CurrentSamplingFrame currentFrame;

    /** Waits, as a draw does, for the frames' index to have handled the store. */
    private void awaitTheFrames() {
        assertThat(currentFrame.awaitIndex(engine.headPosition(), Duration.ofSeconds(60))).isEqualTo(ProjectionProgress.Reached.YES);
    }

    @BeforeAll
    void aYearOfActivity() {
        Workload workload = new Workload(gateway, 20230213L);
        int commands = workload.year(60) + workload.supervision();
        assertThat(commands).isGreaterThan(300);
        for (String supervision : List.of(cn.duban.query.supervision.SamplesProjection.COLLECTION,
                cn.duban.query.supervision.RectificationsProjection.COLLECTION, cn.duban.query.assessment.NoticesProjection.COLLECTION)) {
            assertThat(progress.awaitPosition(engine.headPosition(), Duration.ofSeconds(60))).isTrue();
            assertThat(db.getCollection(supervision).countDocuments()).as(supervision).isPositive();
        }
        assertThat(progress.awaitPosition(engine.headPosition(), Duration.ofSeconds(60))).isTrue();
        // The 2023 assignments are long past due: overdue, missed reports and lights join the history.
        long before = engine.headPosition();
        scheduler.checkAll();
        assertThat(engine.headPosition()).isGreaterThan(before);
        assertThat(progress.awaitPosition(engine.headPosition(), Duration.ofSeconds(60))).isTrue();
    }

    Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String c : READ_MODELS) {
            List<Document> docs = db.getCollection(c).find().into(new ArrayList<>());
            docs.sort((a, b) -> String.valueOf(a.get("_id")).compareTo(String.valueOf(b.get("_id"))));
            all.put(c, docs);
        }
        return all;
    }

    @Test
    void rebuiltReadModelsEqualTheLiveOnes() {
        Map<String, List<Document>> live = snapshot();
        assertThat(live.get(ScoreProjection.TIMELINES)).hasSizeGreaterThan(5);
        assertThat(live.get(ScoreProjection.TIMELINE_STRIDES)).as("each timeline's first point at least").isNotEmpty();
        assertThat(live.get(ScoreProjection.TOTALS)).hasSize(5);
        // Withdrawn reports, appeals and campaigns, rejected and upheld ones among them: the set-aside keys have each kind of status.
        assertThat(live.get(cn.duban.query.reporting.RecordsByUnit.SET_ASIDE)).extracting(d -> d.getString("_id").replaceAll("^[^/]*/([^/]*)/.*$", "$1"))
                .contains("WITHDRAWN:INFO_REPORT", "WITHDRAWN:APPEAL", "WITHDRAWN:CAMPAIGN", "REJECTED:INFO_REPORT", "REJECTED:APPEAL", "UPHELD:APPEAL");
        var response = admin.rebuild(120);
        assertThat(response.getBody()).containsEntry("status", "REBUILT");
        Map<String, List<Document>> rebuilt = snapshot();
        for (String c : READ_MODELS) {
            assertThat(rebuilt.get(c)).as(c).isEqualTo(live.get(c));
        }
    }

    @Test
    void redeliveredEventsChangeNothing() {
        Map<String, List<Document>> before = snapshot();
        StreamingEventProcessor processor = processing.eventProcessor(ProjectionGroups.PROJECTIONS, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        // Put the token back by a third of the store, without reset handlers: as after a crash
        // between writing read models and storing the token.
        long head = engine.headPosition();
        tokens.storeToken(GapAwareTrackingToken.newInstance(head * 2 / 3, List.of()), ProjectionGroups.PROJECTIONS, 0);
        processor.start();
        assertThat(progress.awaitPosition(head, Duration.ofSeconds(60))).isTrue();
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * The sampling frames the command side keeps as events arrive are what a scan of the store finds,
     * for every unit and kind of record, over all time and over one month: the workload's withdrawn
     * reports, campaigns and steps included.
     */
    @Test
    void theSamplingFramesKeptAsEventsArriveAreWhatAScanOfTheStoreFinds() {
        var scan = new cn.duban.command.supervision.StoreSamplingFrame(engine);
        awaitTheFrames();
        int records = 0;
        for (String[] unit : Workload.UNITS) {
            for (var kind : cn.duban.kernel.supervision.SampleKind.values()) {
                for (var period : List.of(List.of(java.time.LocalDate.of(2000, 1, 1), java.time.LocalDate.of(2100, 12, 31)),
                        List.of(java.time.LocalDate.of(2023, 5, 1), java.time.LocalDate.of(2023, 5, 31)))) {
                    List<String> kept = frames.records(unit[0], kind, period.get(0), period.get(1));
                    assertThat(kept).as(unit[0] + " " + kind + " " + period).isEqualTo(scan.records(unit[0], kind, period.get(0), period.get(1)));
                    records += kept.size();
                }
            }
        }
        assertThat(records).isGreaterThan(100);
    }

    /**
     * Where this process does not run the frames' index (another replica holds it), a draw reads its
     * frame by scanning the store, and draws what the index would have given.
     */
    @Test
    void aDrawWhereTheFramesAreNotKeptHereScansTheStore() {
        var period = List.of(java.time.LocalDate.of(2023, 2, 1), java.time.LocalDate.of(2023, 11, 30));
        var kind = cn.duban.kernel.supervision.SampleKind.TRAINING;
        String sample = "sample:daqi:TRAINING:2023-02-01:2023-11-30";
        awaitTheFrames();
        List<String> kept = frames.records("daqi", kind, period.get(0), period.get(1));
        assertThat(kept).isNotEmpty();
        StreamingEventProcessor index = processing.eventProcessor(cn.duban.command.supervision.SamplingFrameIndex.GROUP, StreamingEventProcessor.class).orElseThrow();
        index.shutDown();
        try {
            assertThat(progress.awaitPosition(cn.duban.command.supervision.SamplingFrameIndex.GROUP, engine.headPosition(), Duration.ZERO))
                    .isEqualTo(ProjectionProgress.Reached.NOT_HERE);
            gateway.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                            new cn.duban.kernel.supervision.DrawSample(sample, "daqi", kind, period.get(0), period.get(1), 3, 7L))
                    .andMetaData(Map.of(cn.duban.platform.axon.Audit.ACTOR, "li")));
        } finally {
            index.start();
        }
        List<String> population = engine.findEvents(cn.duban.kernel.FormerEventNames.storedNamesOf(cn.duban.kernel.supervision.SampleDrawn.class), "unitId", "daqi")
                .stream().filter(e -> sample.equals(e.payload().getString("sampleId"))).findFirst().orElseThrow()
                .payload().getList("population", String.class);
        assertThat(population).isEqualTo(kept);
    }
}
