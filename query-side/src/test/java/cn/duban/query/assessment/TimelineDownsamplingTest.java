package cn.duban.query.assessment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A long timeline is answered as evenly spaced points, its first and last kept; a short one whole. */
class TimelineDownsamplingTest {
    @Test
    void keepsEvenlySpacedPointsWithTheFirstAndTheLast() {
        List<Integer> all = IntStream.range(0, 101).boxed().toList();
        assertThat(ScoreQueries.evenlySpaced(all, 5)).containsExactly(0, 25, 50, 75, 100);
        assertThat(ScoreQueries.evenlySpaced(all, 2)).containsExactly(0, 100);
        assertThat(ScoreQueries.evenlySpaced(all, 1)).as("one point: the latest score").containsExactly(100);
        assertThat(ScoreQueries.evenlySpaced(all, 101)).isSameAs(all);
        assertThat(ScoreQueries.evenlySpaced(List.of(7, 8), 1000)).containsExactly(7, 8);
    }
}
