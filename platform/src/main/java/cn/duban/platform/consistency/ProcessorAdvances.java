package cn.duban.platform.consistency;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tells the threads waiting for the processors ({@link ProjectionProgress}) that one of them moved
 * on. Axon calls a tracking processor's status listener once it has stored a batch's token and taken
 * its new position, so a waiter looks again at once rather than at its next poll: with a look every
 * millisecond, a command's answer waited on average half a millisecond more than its projections
 * took (issue 14: the wait notified rather than polled). Every tracking processor is given it
 * ({@code ProcessorStatusWiring}); one it is not given to is still looked at every millisecond.
 */
@Component
public class ProcessorAdvances implements EventTrackerStatusChangeListener {
    private final Object monitor = new Object();
    private long advances;

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
        synchronized (monitor) {
            advances++;
            monitor.notifyAll();
        }
    }

    /** A processor's position moving is the change waited for; Axon leaves positions out unless asked. */
    @Override
    public boolean validatePositions() {
        return true;
    }

    /** How many advances there have been: taken before looking at the processors, given to {@link #awaitAdvanceAfter}. */
    long seen() {
        synchronized (monitor) {
            return advances;
        }
    }

    /**
     * Returns once a processor has advanced since {@code seen} was taken (at once if one already has),
     * or after {@code nanos}. So an advance between a waiter's look and its wait is not missed.
     */
    void awaitAdvanceAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            while (advances == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }
}
