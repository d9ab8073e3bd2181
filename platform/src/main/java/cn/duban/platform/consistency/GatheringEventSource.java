package cn.duban.platform.consistency;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The events of a store, handed to a tracking processor in gatherings rather than as they are
 * committed: for a processor whose every batch costs writes that do not shrink with the batch. The
 * sampling frames' index rewrites the last chunk of each unit's log a batch touched; fed commit by
 * commit during a load, that was a page per unit per commit, and the data files at a million events
 * went over three times the events' JSON (issue 14).
 * <p>
 * Once an event is there, the stream lets the next ones gather for up to {@code gathering}, then
 * hands on everything there is, in batches, until it has caught up; a reader that needs the events up
 * to a position ({@link #hurry}) gets them handed on at once. Nothing is held back from the processor
 * but time: every event is still handled, in order, and the token still follows what was handled.
 */
public final class GatheringEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long gatheringNanos;
    /** The highest position a reader waits for; events up to it are handed on without gathering. */
    private final AtomicLong hurriedTo = new AtomicLong(-1);
    private final Object hurried = new Object();

    public GatheringEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration gathering) {
        this.store = store;
        this.gatheringNanos = gathering.toNanos();
    }

    /** Hands on, now, the events up to {@code position} (and those that come with them). */
    public void hurry(long position) {
        hurriedTo.accumulateAndGet(position, Math::max);
        synchronized (hurried) {
            hurried.notifyAll();
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new Gathering(store.openStream(from));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return store.createTokenAt(at);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** One processor thread's stream: closed while events gather, open until it has handed on all there is. */
    private final class Gathering implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> events;
        private boolean open;
        /** When the first event of this gathering was seen (System.nanoTime), or null. */
        private Long since;

        Gathering(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (open) {
                if (events.hasNextAvailable()) {
                    return true;
                }
                open = false; // caught up: the next event starts a gathering
            }
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                if (!events.hasNextAvailable((int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS)) {
                    return false;
                }
                long now = System.nanoTime();
                if (since == null) {
                    since = now;
                }
                if (now - since >= gatheringNanos || waitedFor()) {
                    open = true;
                    since = null;
                    return true;
                }
                long wait = Math.min(deadline - now, since + gatheringNanos - now);
                if (wait <= 0) {
                    return false;
                }
                synchronized (hurried) {
                    if (!waitedFor()) {
                        TimeUnit.NANOSECONDS.timedWait(hurried, wait);
                    }
                }
            }
        }

        private boolean waitedFor() {
            Optional<TrackedEventMessage<?>> next = events.peek();
            OptionalLong position = next.isPresent() ? next.get().trackingToken().position() : OptionalLong.empty();
            return position.isPresent() && position.getAsLong() <= hurriedTo.get();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return open ? events.peek() : Optional.empty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignored) {
            events.skipMessagesWithPayloadTypeOf(ignored);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
