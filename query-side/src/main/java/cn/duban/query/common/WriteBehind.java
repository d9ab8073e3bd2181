package cn.duban.query.common;

/**
 * A read model that buffers its writes during a batch of events and writes them when the batch
 * ends, before the processor stores its token (see ProjectionBatching). Coalescing many events of
 * one unit into one write is what makes replays fast on the embedded server.
 *
 * <p>{@link #flush} may run on another thread than the events' handlers, at the same time as the
 * other read models' flushes ({@link SideBySide}): it writes only this read model's own buffers and
 * collections.
 */
public interface WriteBehind {
    void flush();

    /** Drops what is buffered and any cached state derived from it: the batch will be retried. */
    void discard();
}
