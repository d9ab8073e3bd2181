package cn.duban.platform.mongo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the compaction slices rest, and when they run again. */
class QuietSlicesTest {
    private final QuietSlices slices = new QuietSlices(5, 100, 1_000);

    @Test
    void onAQuietStoreSlicesThatGiveSpaceBackGoOn() {
        for (long dead = 100_000; dead > 50_000; dead -= 200) {
            assertThat(slice(true, dead)).isTrue();
        }
        assertThat(slices.resting()).isFalse();
    }

    @Test
    void onAQuietStoreSlicesThatGiveNothingBackRestAfterTheirPatience() {
        assertThat(slice(true, 10_000)).isTrue();
        // Each slice frees a chunk and writes one as large: the dead bytes go up and down, never to a new low.
        for (long dead : new long[] {10_050, 9_950, 10_020, 9_990}) {
            assertThat(slice(true, dead)).isTrue();
        }
        assertThat(slice(true, 10_010)).as("the fifth slice without a new low").isFalse();
        assertThat(slices.resting()).isTrue();
        assertThat(slice(true, 10_500)).as("small writes, under 1,000 more dead").isFalse();
        assertThat(slice(true, 9_000)).as("fewer dead bytes do not end the rest").isFalse();
    }

    @Test
    void underWritersSlicesNeverRestWhateverTheDeadBytesDo() {
        // The writers leave more dead than the slices give back: no new low for ever.
        for (long dead = 10_000; dead < 20_000; dead += 50) {
            assertThat(slice(false, dead)).isTrue();
        }
        assertThat(slices.resting()).isFalse();
    }

    @Test
    void aLookThatIsNotQuietEndsTheRestAndStartsTheCountAgain() {
        restAt(10_000);
        assertThat(slice(false, 10_000)).as("a durable append, or writes waiting").isTrue();
        assertThat(slices.resting()).isFalse();
        // Quiet again: a full patience of slices before the next rest.
        for (int i = 0; i < 5; i++) {
            assertThat(slice(true, 10_000)).isTrue();
        }
        assertThat(slice(true, 10_000)).isFalse();
    }

    @Test
    void smallWritesOfAQuietStoreEndTheRestOnceTheyLeaveEnoughDead() {
        restAt(10_000);
        assertThat(slice(true, 10_999)).isFalse();
        assertThat(slice(true, 11_000)).as("1,000 more dead than when the rest began").isTrue();
        assertThat(slices.resting()).isFalse();
        assertThat(slice(true, 10_800)).isTrue();
    }

    @Test
    void smallGainsAddUp() {
        assertThat(slice(true, 10_000)).isTrue();
        // 30 given back a slice: the fourth brings 120 since the last low, a new low; the count starts again.
        for (int i = 1; i <= 4; i++) {
            assertThat(slice(true, 10_000 - 30L * i)).isTrue();
        }
        for (int i = 1; i <= 4; i++) {
            assertThat(slice(true, 9_880 - 10L * i)).as("under 100 since the low of 9,880").isTrue();
        }
        assertThat(slice(true, 9_835)).as("five slices since the last low").isFalse();
    }

    private boolean slice(boolean quiet, long deadBytes) {
        return slices.slice(quiet, () -> deadBytes);
    }

    /** Brings the slices to rest with {@code dead} dead bytes. */
    private void restAt(long dead) {
        for (int i = 0; i < 6; i++) {
            slice(true, dead);
        }
        assertThat(slices.resting()).isTrue();
    }
}
