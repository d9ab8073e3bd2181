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

    /**
     * A long timeline's default answer picks evenly spaced strides (every 32nd point) and adds the
     * last point: as many points as asked; from the timeline itself when the strides are fewer or
     * not all stored.
     */
    @Test
    void aLongTimelinesPointsArePickedFromItsStridesWhenTheyAreEnoughAndAllStored() {
        // 125,003 points: 3,907 strides, of which 999 are kept, and the last point besides.
        int[] kept = ScoreQueries.fromStrides(125_003, 3_907, 1000);
        assertThat(kept).hasSize(999).startsWith(0).endsWith(3_906);
        assertThat(IntStream.range(1, kept.length).allMatch(k -> kept[k] > kept[k - 1])).as("strictly increasing").isTrue();
        // 31,969 points: the last (31,968 = 999 x 32) is the 1,000th stride: all strides, nothing besides.
        assertThat(ScoreQueries.fromStrides(31_969, 1_000, 1000)).hasSize(1000).startsWith(0).endsWith(999);
        // 31,968 points: 999 strides and the last point.
        assertThat(ScoreQueries.fromStrides(31_968, 999, 1000)).hasSize(999);
        // 31,937 points: 999 strides, the last among them: one point short, so picked from the timeline.
        assertThat(ScoreQueries.fromStrides(31_937, 999, 1000)).isEmpty();
        assertThat(ScoreQueries.fromStrides(125_003, 0, 1000)).as("a store from before the strides").isEmpty();
        assertThat(ScoreQueries.fromStrides(125_003, 3_906, 1000)).as("a stride missing").isEmpty();
        assertThat(ScoreQueries.fromStrides(125_003, 3_907, 2)).as("the first and the last: read from the timeline").isEmpty();
    }
}
