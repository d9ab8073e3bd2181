package cn.duban.platform.mongo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the compaction slices stop for want of progress, and when they start again. */
class SliceProgressTest {
    private final SliceProgress progress = new SliceProgress(5, 100, 1_000);

    @Test
    void slicesThatFreeSpaceGoOn() {
        for (long dead = 100_000; dead > 50_000; dead -= 200) {
            assertThat(progress.worthSlicing(dead)).isTrue();
        }
        assertThat(progress.stopped()).isFalse();
    }

    @Test
    void slicesThatFreeNothingStopAfterTheirPatienceAndStartAgainWhenTheWritersLeaveMoreDead() {
        assertThat(progress.worthSlicing(10_000)).isTrue();
        // Each slice frees a chunk and writes one as large: the dead bytes go up and down, never to a new low.
        long[] flat = {10_050, 9_950, 10_020, 9_990};
        for (long dead : flat) {
            assertThat(progress.worthSlicing(dead)).isTrue();
        }
        assertThat(progress.worthSlicing(10_010)).as("the fifth slice without a new low").isFalse();
        assertThat(progress.stopped()).isTrue();

        assertThat(progress.worthSlicing(10_500)).as("less than 1,000 more dead").isFalse();
        assertThat(progress.worthSlicing(9_000)).as("fewer dead bytes (a chunk let go) do not start it").isFalse();
        assertThat(progress.worthSlicing(11_010)).as("1,000 more dead than when it stopped").isTrue();
        assertThat(progress.stopped()).isFalse();
        assertThat(progress.worthSlicing(10_800)).isTrue();
    }

    @Test
    void smallGainsAddUp() {
        assertThat(progress.worthSlicing(10_000)).isTrue();
        // 30 freed a slice: the fourth brings 120 since the last low, a new low; the count starts again.
        for (int i = 1; i <= 4; i++) {
            assertThat(progress.worthSlicing(10_000 - 30L * i)).isTrue();
        }
        for (int i = 1; i <= 4; i++) {
            assertThat(progress.worthSlicing(9_880 - 10L * i)).as("under 100 since the low of 9,880").isTrue();
        }
        assertThat(progress.worthSlicing(9_835)).as("five slices since the last low").isFalse();
    }
}
