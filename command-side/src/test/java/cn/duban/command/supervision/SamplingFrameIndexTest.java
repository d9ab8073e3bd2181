package cn.duban.command.supervision;

import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampling frames kept as events arrive, fed as the processor would feed them, on the embedded
 * database: each kind's records by their date within the period, another unit's and those withdrawn
 * left out (a step also with its whole campaign), and an event handled twice changing nothing. Each
 * event is a batch of its own, written as it ends, as live.
 */
class SamplingFrameIndexTest {
    private static final LocalDate JAN_1 = LocalDate.of(2023, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2023, 12, 31);

    @TempDir
    Path dir;
    EmbeddedMongo mongo;
    MongoClient client;
    SamplingFrameIndex index;
    AnnotationEventHandlerAdapter adapter;
    final List<EventMessage<?>> handled = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(dir, 0);
        client = MongoClients.create(mongo.connectionString());
        index = new SamplingFrameIndex(client.getDatabase("frames"));
        adapter = new AnnotationEventHandlerAdapter(index, ClasspathParameterResolverFactory.forClass(SamplingFrameIndex.class));
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    /** Handles the event as recorded at that instant; answers its event id. */
    String given(Object payload, String recordedAt) throws Exception {
        EventMessage<?> m = GenericEventMessage.asEventMessage(payload)
                .andMetaData(MetaData.with(RecordingTime.METADATA_KEY, recordedAt));
        adapter.handle(m);
        // A batch of one event, as live: its processor's interceptor writes at the end of each batch.
        index.flush();
        handled.add(m);
        return m.getIdentifier();
    }

    String given(Object payload) throws Exception {
        return given(payload, "2023-06-01T02:00:00Z");
    }

    List<String> frame(String unit, SampleKind kind, LocalDate from, LocalDate to) {
        return index.records(unit, kind, from, to);
    }

    static TrainingRecorded training(String id, String unit, LocalDate on) {
        return new TrainingRecorded(id, unit, on, "政策宣讲", 30, new BigDecimal("2"), TrainingKind.BUSINESS, "网格员", List.of());
    }

    @Test
    void recordsOfTheUnitAndKindDatedInThePeriodLessThoseWithdrawn() throws Exception {
        given(training("t-before", "xinqi", LocalDate.of(2022, 12, 31)));
        given(training("t-first", "xinqi", JAN_1));
        given(training("t-mid", "xinqi", LocalDate.of(2023, 6, 30)));
        given(training("t-last", "xinqi", DEC_31));
        given(training("t-after", "xinqi", LocalDate.of(2024, 1, 1)));
        given(training("t-other", "daqi", LocalDate.of(2023, 6, 30)));
        given(training("t-gone", "xinqi", LocalDate.of(2023, 3, 1)));
        given(new TrainingWithdrawn("t-gone", "xinqi", "重复录入"));

        assertThat(frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31)).containsExactly("t-first", "t-last", "t-mid");
        assertThat(frame("xinqi", SampleKind.TRAINING, LocalDate.of(2023, 6, 30), LocalDate.of(2023, 6, 30))).containsExactly("t-mid");
        assertThat(frame("daqi", SampleKind.TRAINING, JAN_1, DEC_31)).containsExactly("t-other");
        assertThat(frame("xinqi", SampleKind.ACHIEVEMENT, JAN_1, DEC_31)).isEmpty();
        assertThat(frame("xin", SampleKind.TRAINING, JAN_1, DEC_31)).as("a unit whose id begins another's").isEmpty();
    }

    @Test
    void reportsAchievementsAndFiguresByTheirOwnDates() throws Exception {
        given(new InfoReportSubmitted("r-1", "xinqi", "信息", LocalDate.of(2023, 4, 2), "正文", null, List.of()));
        given(new InfoReportAccepted("r-1", "xinqi", InfoLevel.values()[0], LocalDate.of(2023, 4, 2)));
        given(new InfoReportSubmitted("r-2", "xinqi", "信息", LocalDate.of(2023, 4, 3), "正文", null, List.of()));
        given(new InfoReportWithdrawn("r-2", "xinqi", "报错了"));
        given(new AchievementRecorded("a-1", "xinqi", FactKind.values()[0], "市级", "表彰", LocalDate.of(2023, 5, 5), List.of()));
        given(new AchievementRecorded("a-2", "xinqi", FactKind.values()[0], "市级", "表彰", LocalDate.of(2023, 5, 6), List.of()));
        given(new AchievementWithdrawn("a-2", "xinqi", "重复"));
        // A figure has only a year: it falls on the day it was reported, in the district's time (UTC+8).
        String kept = given(new IndicatorReported("i-1", "xinqi", "coverage", 2023, BigDecimal.TEN, null, null, List.of()), "2023-12-31T15:59:59Z");
        String late = given(new IndicatorReported("i-1", "xinqi", "coverage", 2023, BigDecimal.ONE, null, null, List.of()), "2023-12-31T16:00:00Z");
        String gone = given(new IndicatorReported("i-1", "xinqi", "coverage", 2023, BigDecimal.ONE, null, null, List.of()), "2023-07-01T00:00:00Z");
        given(new IndicatorReportWithdrawn("i-1", "xinqi", gone, "填错"));

        assertThat(frame("xinqi", SampleKind.INFO_REPORT, JAN_1, DEC_31)).containsExactly("r-1");
        assertThat(frame("xinqi", SampleKind.ACHIEVEMENT, JAN_1, DEC_31)).containsExactly("a-1");
        assertThat(frame("xinqi", SampleKind.INDICATOR_REPORT, JAN_1, DEC_31)).containsExactly(kept);
        assertThat(frame("xinqi", SampleKind.INDICATOR_REPORT, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1))).containsExactly(late);
    }

    @Test
    void aStepGoesWithItselfOrWithItsWholeCampaign() throws Exception {
        given(new CampaignLaunched("c-1", "xinqi", "出租房屋", "出租房屋整治", LocalDate.of(2023, 3, 1)));
        String kept = given(step("c-1", LocalDate.of(2023, 3, 2)));
        String withdrawnStep = given(step("c-1", LocalDate.of(2023, 3, 3)));
        given(new CampaignProgressWithdrawn("c-1", "xinqi", withdrawnStep, "重复"));
        given(new CampaignLaunched("c-2", "xinqi", "出租房屋", "重复发起", LocalDate.of(2023, 3, 5)));
        given(step("c-2", LocalDate.of(2023, 3, 6)));
        given(new CampaignWithdrawn("c-2", "xinqi", "重复发起"));

        assertThat(frame("xinqi", SampleKind.CAMPAIGN_PROGRESS, JAN_1, DEC_31)).containsExactly(kept);
        assertThat(frame("xinqi", SampleKind.CAMPAIGN, JAN_1, DEC_31)).containsExactly("c-1");
    }

    @Test
    void anEventHandledAgainChangesNothing() throws Exception {
        given(training("t-1", "xinqi", JAN_1));
        given(training("t-2", "xinqi", JAN_1));
        given(new TrainingWithdrawn("t-2", "xinqi", "重复录入"));
        List<String> once = frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31);
        for (EventMessage<?> m : List.copyOf(handled)) {
            adapter.handle(m);
        }
        index.flush();
        assertThat(frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31)).isEqualTo(once).containsExactly("t-1");
    }

    static CampaignProgressRecorded step(String campaign, LocalDate on) {
        return new CampaignProgressRecorded(campaign, "xinqi", "出租房屋", "检查房屋", BigDecimal.TEN, on, List.of());
    }

    /** A batch's writes wait for its end (before its token is stored); a failed batch's are dropped with it, to be handled again. */
    @Test
    void aBatchIsWrittenAtItsEnd() throws Exception {
        adapter.handle(GenericEventMessage.asEventMessage(training("t-1", "xinqi", JAN_1)));
        adapter.handle(GenericEventMessage.asEventMessage(training("t-2", "xinqi", JAN_1)));
        assertThat(frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31)).isEmpty();
        index.flush();
        assertThat(frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31)).containsExactly("t-1", "t-2");
        adapter.handle(GenericEventMessage.asEventMessage(new TrainingWithdrawn("t-2", "xinqi", "重复录入")));
        index.reset();
        index.flush();
        assertThat(frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31)).as("reset: nothing kept, nothing left to write").isEmpty();
    }

    /** A log past one chunk goes on in the next; after a start (a new index on the same store) it goes on from its last chunk. */
    @Test
    void aLogGoesOnInNumberedChunksAcrossAStart() throws Exception {
        int count = 2 * SamplingFrameIndex.CHUNK + 10;
        for (int i = 0; i < count; i++) {
            adapter.handle(GenericEventMessage.asEventMessage(training(String.format("t-%04d", i), "xinqi", JAN_1.plusDays(i % 365))));
        }
        index.flush();
        index = new SamplingFrameIndex(client.getDatabase("frames"));
        adapter = new AnnotationEventHandlerAdapter(index, ClasspathParameterResolverFactory.forClass(SamplingFrameIndex.class));
        given(training("t-last", "xinqi", DEC_31));
        given(new TrainingWithdrawn("t-0000", "xinqi", "重复录入"));

        List<String> frame = frame("xinqi", SampleKind.TRAINING, JAN_1, DEC_31);
        assertThat(frame).hasSize(count).contains("t-last", "t-0001").doesNotContain("t-0000");
        var chunks = client.getDatabase("frames").getCollection(SamplingFrameIndex.COLLECTION).find().into(new ArrayList<>());
        assertThat(chunks).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("xinqi/000000", "xinqi/000001", "xinqi/000002");
        assertThat(chunks).extracting(d -> d.getList("e", org.bson.Document.class).size()).containsExactlyInAnyOrder(256, 256, 12);
    }
}
