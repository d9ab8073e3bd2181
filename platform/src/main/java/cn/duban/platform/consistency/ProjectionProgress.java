package cn.duban.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes: waits until every streaming processor of this process has handled the event
 * store up to a position. A process without processors (command side alone) never waits.
 */
@Component
public class ProjectionProgress {
    private final EventProcessingConfiguration processing;

    public ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** True when all processors reached {@code position} within {@code timeout}. */
    public boolean awaitPosition(long position, Duration timeout) {
        if (position < 0) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (reached(position)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    public boolean reached(long position) {
        for (EventProcessor p : processing.eventProcessors().values()) {
            if (!(p instanceof StreamingEventProcessor sep)) {
                continue;
            }
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
        }
        return true;
    }
}
