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
import java.util.function.BooleanSupplier;

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
        return await(position, timeout, false);
    }

    /**
     * As {@link #awaitPosition}, but not waiting for a processor whose segments another replica
     * holds: with several replicas only one runs each processor (the deadline watch, the user
     * directory), and a request must not wait out the timeout for what this replica never does.
     */
    public boolean awaitClaimedPosition(long position, Duration timeout) {
        // A request does not wait for a processor that fails on an event before the position: it retries
        // the same event, up to a minute apart, until a fix; the answer says pending at once instead.
        return position < 0 || until(() -> reached(position, true), () -> failingBefore(position), timeout);
    }

    private boolean await(long position, Duration timeout, boolean onlyClaimedHere) {
        return position < 0 || until(() -> reached(position, onlyClaimedHere), () -> false, timeout);
    }

    /** Whether a processor this process holds, and a command's answer waits for, fails on an event it has to handle to reach the position. */
    private boolean failingBefore(long position) {
        for (var named : processing.eventProcessors().entrySet()) {
            if (named.getValue() instanceof StreamingEventProcessor sep && !waitedForByItsReaders.contains(named.getKey())
                    && sep.processingStatus().values().stream().anyMatch(s -> s.isErrorState()
                    && (s.getCurrentPosition().isEmpty() || s.getCurrentPosition().getAsLong() < position))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code done} came true within {@code timeout}, given up once {@code hopeless}: asked again as soon as a processor
     * advances ({@link ProcessorAdvances}), and at least every millisecond, for a processor that does
     * not tell.
     */
    private boolean until(BooleanSupplier done, BooleanSupplier hopeless, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = advances.seen();
            if (done.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || hopeless.getAsBoolean()) {
                return false;
            }
            try {
                advances.awaitAdvanceAfter(seen, Math.min(left, LOOK_AT_LEAST_EVERY_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return done.getAsBoolean();
            }
        }
    }

    public boolean reached(long position) {
        return reached(position, false);
    }

    private boolean reached(long position, boolean onlyClaimedHere) {
        for (var named : processing.eventProcessors().entrySet()) {
            if (!(named.getValue() instanceof StreamingEventProcessor sep) || waitedForByItsReaders.contains(named.getKey())) {
                continue;
            }
            if (onlyClaimedHere && sep.processingStatus().isEmpty()) {
                continue;
            }
            if (!reached(sep, position)) {
                return false;
            }
        }
        return true;
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
        return position < 0 || until(() -> reached(sep, position), () -> false, timeout) ? Reached.YES : Reached.BEHIND;
    }

    private static boolean reached(StreamingEventProcessor sep, long position) {
        Map<Integer, EventTrackerStatus> status = sep.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus s : status.values()) {
            OptionalLong current = s.getCurrentPosition();
            if (s.isErrorState() || current.isEmpty() || current.getAsLong() < position) {
                return false;
            }
        }
        return true;
    }
}
