package cn.duban.platform.mongo;

import java.util.function.LongSupplier;

/**
 * Whether the next compaction slice runs, or the slices rest. A slice rewrites the live pages of the
 * emptiest chunks and, with them, the pages above them up to each map's root, so the pages above
 * die in the chunks that held them. On issue 14's 1M store after its stop the emptiest chunks were
 * 87-89 % live: each slice freed a chunk of about 0.9 MB and wrote one as large, the dead bytes
 * stayed where they were, and the slices ran for as long as the process did, a third of a core and
 * about 170 MB of garbage a second with nothing asked of the server, the file growing meanwhile.
 *
 * <p>So while the store is quiet (no durable append, next to nothing written since the last look),
 * slices that bring the dead bytes of partly live chunks to no new low, by {@link #minGain}, for
 * {@link #patience} slices in a row, rest; they run again at the first look that is not quiet, or
 * once the small writes of a quiet store (processors renewing their claims) leave
 * {@link #resumeAfter} more dead bytes than when the rest began. Only quiet looks count: under
 * writers the dead bytes they leave hide what a slice gives back (a rule that counted every look
 * stopped the slices during issue 14's 1M load and left the file after it at 324 and 402 MB,
 * against 299 MB), and there the slices run as they always did.
 *
 * <p>Not thread-safe: the syncer's thread alone asks.
 */
final class QuietSlices {
    private final int patience;
    private final long minGain;
    private final long resumeAfter;
    private long lowest = Long.MAX_VALUE;
    private int sinceLow;
    /** The dead bytes when the rest began; negative while the slices run. */
    private long restingAt = -1;

    QuietSlices(int patience, long minGain, long resumeAfter) {
        this.patience = patience;
        this.minGain = minGain;
        this.resumeAfter = resumeAfter;
    }

    /**
     * Whether to run a slice now.
     *
     * @param quiet       whether the store was quiet since the last look (see above)
     * @param deadBytesNow the bytes of partly live chunks that no live page uses, asked only on a
     *                     quiet look (it walks every chunk)
     */
    boolean slice(boolean quiet, LongSupplier deadBytesNow) {
        if (!quiet) {
            return startAgain();
        }
        long deadBytes = deadBytesNow.getAsLong();
        if (restingAt >= 0 && deadBytes >= restingAt + resumeAfter) {
            return startAgain();
        }
        if (restingAt >= 0) {
            return false;
        }
        // Measured from the last low, so that small gains add up.
        if (lowest == Long.MAX_VALUE || deadBytes <= lowest - minGain) {
            lowest = deadBytes;
            sinceLow = 0;
            return true;
        }
        if (++sinceLow >= patience) {
            restingAt = deadBytes;
            return false;
        }
        return true;
    }

    /** Slices run from now, their count of looks without a new low starting afresh. */
    private boolean startAgain() {
        restingAt = -1;
        lowest = Long.MAX_VALUE;
        sinceLow = 0;
        return true;
    }

    boolean resting() {
        return restingAt >= 0;
    }
}
