package cn.duban.platform.consistency;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A waiter wakes when a processor advances, and an advance made between its look and its wait is not missed. */
class ProcessorAdvancesTest {

    @Test
    void anAdvanceSinceTheLookEndsTheWaitAtOnce() throws Exception {
        ProcessorAdvances advances = new ProcessorAdvances();
        long seen = advances.seen();
        advances.onEventTrackerStatusChange(Map.of());
        long start = System.nanoTime();
        advances.awaitAdvanceAfter(seen, TimeUnit.SECONDS.toNanos(30));
        assertThat(System.nanoTime() - start).as("no wait for the timeout").isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void aWaiterIsWokenByTheNextAdvance() throws Exception {
        ProcessorAdvances advances = new ProcessorAdvances();
        long seen = advances.seen();
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try {
                advances.awaitAdvanceAfter(seen, TimeUnit.SECONDS.toNanos(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        });
        Thread.sleep(100);
        assertThat(waited).as("still waiting, nothing advanced").isNotDone();
        advances.onEventTrackerStatusChange(Map.of());
        assertThat(waited.get(5, TimeUnit.SECONDS)).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void withoutAnAdvanceTheWaitEndsAtItsTime() throws Exception {
        ProcessorAdvances advances = new ProcessorAdvances();
        long start = System.nanoTime();
        advances.awaitAdvanceAfter(advances.seen(), TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void itAsksAxonForEveryMoveOfAPosition() {
        assertThat(new ProcessorAdvances().validatePositions()).isTrue();
    }
}
