package cn.duban.query.assessment;

import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.scheme.SchemesProjection;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long timeline's default answer is read from its strides (every 32nd point, stored beside it)
 * and its last point, and holds exactly the points of the whole timeline at those places; a store
 * without strides is answered from the timeline as before.
 */
class TimelineStridesTest extends ProjectionTestBase {

    @Test
    void aLongTimelinesDefaultAnswerHoldsTheTimelinesOwnPointsAtItsStridesAndItsEnd() throws Exception {
        ScoreProjection score = new ScoreProjection(harness.db);
        for (TrackedEventMessage<?> m : harness.given(new SchemesProjection(harness.db), new SchemeDrafted("beilun-2023", 1, ScoreProjectionTest.SCHEME),
                new SchemePublished("beilun-2023", 1, 2023))) {
            harness.redeliver(score, m);
        }
        for (TrackedEventMessage<?> m : harness.given(new UnitsProjection(harness.db), new UnitRegistered("xinqi", "新碶街道", UnitType.STREET))) {
            harness.redeliver(score, m);
        }
        // 200 trainings: 200 points, strides at 0, 32, ..., 192 (seven), the last point (199) not one of them.
        List<Object> trainings = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            trainings.add(new TrainingRecorded("t" + i, "xinqi", LocalDate.of(2023, 1, 2).plusDays(i), "培训" + i, 10, new BigDecimal("1")));
        }
        List<TrackedEventMessage<?>> delivered = new ArrayList<>();
        for (int from = 0; from < trainings.size(); from += 50) {
            delivered.addAll(harness.given(score, trainings.subList(from, from + 50).toArray()));
            score.flush();
        }
        // Delivered again (a replay racing a restart): no stride twice.
        harness.redeliver(score, delivered.get(32));
        harness.redeliver(score, delivered.get(199));
        score.flush();

        ScoreQueries queries = new ScoreQueries(harness.db, new UnitQueries(harness.db), new SchemeQueries(harness.db), Clock.systemUTC());
        ScoreQueries.Timeline whole = queries.timeline("xinqi", "beilun-2023", null, null, 1000);
        assertThat(whole.points()).hasSize(200);
        assertThat(whole.downsampled()).isFalse();

        ScoreQueries.Timeline five = queries.timeline("xinqi", "beilun-2023", null, null, 5);
        assertThat(five.total()).isEqualTo(200);
        assertThat(five.downsampled()).isTrue();
        // Four of the seven strides (0, 2, 4, 6: points 0, 64, 128, 192), then the last point.
        assertThat(five.points()).containsExactly(whole.points().get(0), whole.points().get(64), whole.points().get(128),
                whole.points().get(192), whole.points().get(199));

        ScoreQueries.Timeline eight = queries.timeline("xinqi", "beilun-2023", null, null, 8);
        assertThat(eight.points()).as("all seven strides and the last point")
                .containsExactly(whole.points().get(0), whole.points().get(32), whole.points().get(64), whole.points().get(96),
                        whole.points().get(128), whole.points().get(160), whole.points().get(192), whole.points().get(199));
        assertThat(queries.timeline("xinqi", "beilun-2023", null, null, 30).points()).as("more points than strides: from the timeline")
                .containsExactlyElementsOf(ScoreQueries.evenlySpaced(whole.points(), 30));

        // A store written before the strides: the points are picked from the timeline, evenly spaced.
        harness.db.getCollection(ScoreProjection.TIMELINE_STRIDES).drop();
        assertThat(queries.timeline("xinqi", "beilun-2023", null, null, 5).points())
                .containsExactlyElementsOf(ScoreQueries.evenlySpaced(whole.points(), 5));
    }
}
