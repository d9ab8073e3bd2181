package cn.duban.query.common;

/**
 * A read model that buffers its writes during a batch of events and writes them when the batch
 * ends, before the processor stores its token (see ProjectionBatching). Coalescing many events of
 * one unit into one write is what makes replays fast on the embedded server.
 */
public interface WriteBehind {
    void flush();

    /** Drops what is buffered and any cached state derived from it: the batch will be retried. */
    void discard();
}
