package cn.duban.query.assessment;

import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.common.ProjectionGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mockito.Mockito;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.scheme.SchemesProjection;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkpoints kept for totals, built ahead of the answers: for every unit under the newest two
 * years' schemes only, each fact folded once however often the warm-up runs, and the answers
 * afterwards those of queries never warmed.
 */
class TotalsWarmUpTest extends ProjectionTestBase {

    @Test
    void everyUnitOfTheNewestTwoYearsIsFoldedOnceAndTheAnswersStayTheSame() throws Exception {
        // 600 trainings of one unit (two checkpoints and a stretch), 10 of the other.
        ScoreProjection score = schemesUnitsAndTrainings(2021);

        ScoreQueries warmed = new ScoreQueries(harness.db, new UnitQueries(harness.db), new SchemeQueries(harness.db), Clock.systemUTC());
        assertThat(warmed.keepTotalsCheckpointsWarm()).as("every fact, under 2022's and 2023's schemes").isEqualTo(new ScoreQueries.Warmed(2 * 610, 0));
        assertThat(warmed.totalsChainsHeld()).as("two units, two schemes: none for 2021's").isEqualTo(4);
        assertThat(warmed.keepTotalsCheckpointsWarm().facts()).as("nothing new").isZero();

        trainings(score, "daqi", 10, 3);
        assertThat(warmed.keepTotalsCheckpointsWarm().facts()).as("only the facts added since").isEqualTo(2 * 3);

        ScoreQueries cold = new ScoreQueries(harness.db, new UnitQueries(harness.db), new SchemeQueries(harness.db), Clock.systemUTC());
        Instant cutoff = Instant.now();
        long middle = new cn.duban.query.common.ChunkedLog(harness.db, ScoreProjection.FACTS).read("xinqi").get(400).getLong("position");
        for (long upTo : new long[]{middle, Long.MAX_VALUE}) {
            assertThat(warmed.baselineTotals(warmed.units(), "beilun-2023", cutoff, upTo))
                    .isEqualTo(cold.baselineTotals(cold.units(), "beilun-2023", cutoff, upTo))
                    .extracting(s -> s.totals().total()).doesNotContainNull();
        }
        assertThat(warmed.ranking("beilun-2022", cutoff)).isEqualTo(cold.ranking("beilun-2022", cutoff));
        assertThat(warmed.totalsChainsHeld()).as("the answers found the chains built").isEqualTo(4);
    }

    /** During a rebuild (the projections replaying) no pass folds the half-written logs; the next pass after it does. */
    @Test
    void noPassFoldsWhileTheProjectionsReplay() throws Exception {
        schemesUnitsAndTrainings(2021);
        ScoreQueries queries = new ScoreQueries(harness.db, new UnitQueries(harness.db), new SchemeQueries(harness.db), Clock.systemUTC());
        StreamingEventProcessor projections =
                Mockito.mock(StreamingEventProcessor.class);
        EventProcessingConfiguration processing =
                Mockito.mock(EventProcessingConfiguration.class);
        Mockito.doReturn(Optional.of(projections)).when(processing)
                .eventProcessor(ProjectionGroups.PROJECTIONS, StreamingEventProcessor.class);
        var beans = new StaticListableBeanFactory(Map.of("processing", processing));
        TotalsWarmUp warmUp = new TotalsWarmUp(queries, beans.getBeanProvider(EventProcessingConfiguration.class),
                Duration.ofMinutes(1), Duration.ZERO);

        Mockito.when(projections.isReplaying()).thenReturn(true);
        warmUp.pass();
        assertThat(queries.totalsChainsHeld()).as("nothing folded during the replay").isZero();

        Mockito.when(projections.isReplaying()).thenReturn(false);
        warmUp.pass();
        assertThat(queries.totalsChainsHeld()).as("two units, two schemes, once it is over").isEqualTo(4);
    }

    /**
     * Near the bound a warm-up builds no more chains: else each pass would drop chains it built and
     * fold them again, every minute. Four chains (two of 3 checkpoints, two of 1) under a bound of 6.
     */
    @Test
    void atTheBoundTheWarmUpLeavesUnitsToTheirAnswersInsteadOfFoldingThemEveryPass() throws Exception {
        schemesUnitsAndTrainings(2022);

        ScoreQueries bounded = new ScoreQueries(harness.db, new UnitQueries(harness.db), new SchemeQueries(harness.db), Clock.systemUTC(), 6);
        ScoreQueries.Warmed first = bounded.keepTotalsCheckpointsWarm();
        assertThat(first.unitsLeft()).as("left to their answers").isPositive();
        int held = bounded.totalsChainsHeld();
        ScoreQueries.Warmed second = bounded.keepTotalsCheckpointsWarm();
        assertThat(second.facts()).as("nothing folded again").isZero();
        assertThat(second.unitsLeft()).isEqualTo(first.unitsLeft());
        assertThat(bounded.totalsChainsHeld()).isEqualTo(held);

        ScoreQueries unbounded = new ScoreQueries(harness.db, new UnitQueries(harness.db), new SchemeQueries(harness.db), Clock.systemUTC());
        Instant now = Instant.now();
        assertThat(bounded.baselineTotals(bounded.units(), "beilun-2023", now, Long.MAX_VALUE))
                .as("the units left are answered all the same").isEqualTo(unbounded.baselineTotals(unbounded.units(), "beilun-2023", now, Long.MAX_VALUE));
    }

    /** A scheme for each year from {@code firstYear} to 2023, 新碶 and 大碶, and 600 and 10 trainings. */
    private ScoreProjection schemesUnitsAndTrainings(int firstYear) throws Exception {
        ScoreProjection score = new ScoreProjection(harness.db);
        for (int year = firstYear; year <= 2023; year++) {
            SchemeDocument doc = new SchemeDocument("beilun-" + year, year, "北仑区" + year + "年度考核",
                    ScoreProjectionTest.SCHEME.supervisionWeight(), ScoreProjectionTest.SCHEME.items());
            for (TrackedEventMessage<?> m : harness.given(new SchemesProjection(harness.db), new SchemeDrafted(doc.id(), 1, doc),
                    new SchemePublished(doc.id(), 1, year))) {
                harness.redeliver(score, m);
            }
        }
        for (TrackedEventMessage<?> m : harness.given(new UnitsProjection(harness.db), new UnitRegistered("xinqi", "新碶街道", UnitType.STREET),
                new UnitRegistered("daqi", "大碶街道", UnitType.STREET))) {
            harness.redeliver(score, m);
        }
        trainings(score, "xinqi", 0, 600);
        trainings(score, "daqi", 0, 10);
        return score;
    }

    private void trainings(ScoreProjection score, String unitId, int from, int count) throws Exception {
        List<Object> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new TrainingRecorded(unitId + "-t" + i, unitId, LocalDate.of(2023, 1, 1).plusDays(i % 360), "培训" + i, 10, BigDecimal.ONE));
        }
        harness.given(score, events.toArray());
        score.flush();
    }
}
