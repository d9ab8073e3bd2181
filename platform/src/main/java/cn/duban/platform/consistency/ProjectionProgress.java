package cn.duban.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Read-your-writes: waits until the streaming processors of this process have handled the event
 * store up to a position. A process without processors never waits. A processor whose readers wait
 * for it themselves ({@link WaitedForByItsReaders}) is left out of those waits: the sampling frames'
 * index, which a draw waits for, builds itself from every event at its first start on a store
 * written before it (minutes at a million events), and every command's answer would otherwise wait
 * out its time meanwhile.
 */
@Component
public class ProjectionProgress {
    private static final long LOOK_AT_LEAST_EVERY_NANOS = 1_000_000;

    private final EventProcessingConfiguration processing;
    private final Set<String> waitedForByItsReaders;
    private final ProcessorAdvances advances;

    /** A processor that read-your-writes does not wait for: whatever reads what it keeps waits for it by name. */
    public record WaitedForByItsReaders(String processor) {
    }

    /** Looks at the processors every millisecond, told of no advance. */
    public ProjectionProgress(EventProcessingConfiguration processing) {
        this(processing, List.of(), new ProcessorAdvances());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ProjectionProgress(EventProcessingConfiguration processing, List<WaitedForByItsReaders> waitedForByItsReaders,
                              ProcessorAdvances advances) {
        this.processing = processing;
        this.waitedForByItsReaders = waitedForByItsReaders.stream().map(WaitedForByItsReaders::processor).collect(Collectors.toUnmodifiableSet());
        this.advances = advances;
    }

    /** True when all processors of this process (but those waited for by their readers), each holding its segments, reached {@code position} within {@code timeout}. */
    public boolean awaitPosition(long position, Duration timeout) {
        return position < 0 || until(() -> look(position, false), false, timeout);
    }

    /**
     * As {@link #awaitPosition}, but not waiting for a processor whose segments another replica
     * holds: with several replicas only one runs each processor (the deadline watch, the user
     * directory), and a request must not wait out the timeout for what this replica never does. Nor
     * for a processor that fails on an event before the position: it retries that event, up to a
     * minute apart, until a fix, so the answer says pending at once instead.
     */
    public boolean awaitClaimedPosition(long position, Duration timeout) {
        return position < 0 || until(() -> look(position, true), true, timeout);
    }

    /** What a look at the processors found for a position: all have reached it, one is behind, or one fails on an event before it. */
    private enum Look { REACHED, BEHIND, FAILING }

    /**
     * Whether a look found the position reached within {@code timeout}, given up at once on a failing
     * processor if {@code givesUpOnFailing}: looked again as soon as a processor advances
     * ({@link ProcessorAdvances}), and at least every millisecond, for a processor that does not tell.
     */
    private boolean until(Supplier<Look> look, boolean givesUpOnFailing, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = advances.seen();
            Look now = look.get();
            if (now == Look.REACHED) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || (givesUpOnFailing && now == Look.FAILING)) {
                return false;
            }
            try {
                advances.awaitAdvanceAfter(seen, Math.min(left, LOOK_AT_LEAST_EVERY_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return look.get() == Look.REACHED;
            }
        }
    }

    public boolean reached(long position) {
        return look(position, false) == Look.REACHED;
    }

    /** One look at every processor waited for, each one's segments read once. */
    private Look look(long position, boolean onlyClaimedHere) {
        Look found = Look.REACHED;
        for (var named : processing.eventProcessors().entrySet()) {
            if (!(named.getValue() instanceof StreamingEventProcessor sep) || waitedForByItsReaders.contains(named.getKey())) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = sep.processingStatus();
            if (onlyClaimedHere && status.isEmpty()) {
                continue;
            }
            Look one = look(status, position);
            if (one == Look.FAILING) {
                return one;
            }
            if (one == Look.BEHIND) {
                found = one;
            }
        }
        return found;
    }

    /** One processor's segments: a processor holding none has reached nothing. */
    private static Look look(Map<Integer, EventTrackerStatus> status, long position) {
        Look found = status.isEmpty() ? Look.BEHIND : Look.REACHED;
        for (EventTrackerStatus s : status.values()) {
            OptionalLong current = s.getCurrentPosition();
            boolean before = current.isEmpty() || current.getAsLong() < position;
            if (s.isErrorState() && before) {
                return Look.FAILING;
            }
            if (s.isErrorState() || before) {
                found = Look.BEHIND;
            }
        }
        return found;
    }

    /** What waiting for one processor found: it reached the position, it is behind, or this process does not run it. */
    public enum Reached { YES, BEHIND, NOT_HERE }

    /**
     * Waits until the processor of that name has handled the event store up to {@code position}, if
     * this process runs it and holds its segments; does not wait for the others.
     */
    public Reached awaitPosition(String processor, long position, Duration timeout) {
        if (!(processing.eventProcessor(processor).orElse(null) instanceof StreamingEventProcessor sep)
                || sep.processingStatus().isEmpty()) {
            return Reached.NOT_HERE;
        }
        return position < 0 || until(() -> look(sep.processingStatus(), position), false, timeout) ? Reached.YES : Reached.BEHIND;
    }
}
