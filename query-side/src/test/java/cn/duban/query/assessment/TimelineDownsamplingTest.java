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

    /**
     * The indexes a long timeline's points are read at without a range (ChunkedLog.entriesAt wants
     * them ascending): as many as asked, strictly increasing, the first and the last point among them.
     */
    @Test
    void theIndexesReadAreAsManyAsAskedAscendingWithTheFirstAndTheLast() {
        for (int total : new int[]{3, 1001, 4_000, 125_003}) {
            for (int limit : new int[]{2, 7, 1000}) {
                if (total > limit) {
                    int[] kept = ScoreQueries.evenlySpacedIndexes(total, limit);
                    assertThat(kept).as("%d of %d", limit, total).hasSize(limit).startsWith(0).endsWith(total - 1);
                    assertThat(IntStream.range(1, limit).allMatch(k -> kept[k] > kept[k - 1])).as("strictly increasing").isTrue();
                }
            }
        }
        assertThat(ScoreQueries.evenlySpacedIndexes(125_003, 1)).containsExactly(125_002);
    }
}
