package cn.duban.platform.mongo;

/**
 * Whether the compaction slices still give space back, judged by the dead bytes of the file's
 * chunks before each slice. A slice rewrites the live pages of the emptiest chunks, and with them
 * the pages above them up to each map's root, so the pages above die in the chunks that held them.
 * On issue 14's 1M store after its stop the emptiest chunks were 87-89 % live: each slice freed a
 * chunk of about 0.9 MB and wrote one as large, the dead bytes stayed where they were, and the
 * slices ran on for as long as the process did, a third of a core and about 170 MB of garbage a
 * second with nothing asked of the server, the file growing by a few MB meanwhile.
 *
 * <p>So after {@link #patience} slices in a row without a new low of the dead bytes (by at least
 * {@link #minGain}), slicing stops; it starts again once the dead bytes grow by {@link #resumeAfter}
 * over what they were when it stopped: the writers left that much behind since. Not thread-safe:
 * the syncer's thread alone asks.
 */
final class SliceProgress {
    private final int patience;
    private final long minGain;
    private final long resumeAfter;
    private long lowest = Long.MAX_VALUE;
    private int sinceLow;
    /** The dead bytes when slicing stopped; negative while it runs. */
    private long stoppedAt = -1;

    SliceProgress(int patience, long minGain, long resumeAfter) {
        this.patience = patience;
        this.minGain = minGain;
        this.resumeAfter = resumeAfter;
    }

    /** Whether to run a slice now, the chunks holding {@code deadBytes} dead bytes. */
    boolean worthSlicing(long deadBytes) {
        if (stoppedAt >= 0) {
            if (deadBytes < stoppedAt + resumeAfter) {
                return false;
            }
            stoppedAt = -1;
            lowest = deadBytes;
            sinceLow = 0;
            return true;
        }
        // Measured from the last low, so that small gains add up.
        if (lowest == Long.MAX_VALUE || deadBytes <= lowest - minGain) {
            lowest = deadBytes;
            sinceLow = 0;
            return true;
        }
        if (++sinceLow >= patience) {
            stoppedAt = deadBytes;
            return false;
        }
        return true;
    }

    boolean stopped() {
        return stoppedAt >= 0;
    }
}
