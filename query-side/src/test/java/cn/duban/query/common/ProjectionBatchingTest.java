package cn.duban.query.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The end of a batch writes every read model's buffer side by side, returns only when all are
 * written, and reports a failure only once every read model has finished.
 */
class ProjectionBatchingTest {

    /** A read model whose flush waits until all of them are flushing at once, or fails. */
    static final class Meeting implements WriteBehind {
        final CountDownLatch all;
        final RuntimeException failure;
        final AtomicBoolean flushed = new AtomicBoolean();

        Meeting(CountDownLatch all, RuntimeException failure) {
            this.all = all;
            this.failure = failure;
        }

        @Override
        public void flush() {
            all.countDown();
            try {
                if (!all.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the read models were not flushed side by side");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            flushed.set(true);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void discard() {
        }
    }

    @Test
    void everyReadModelIsFlushedSideBySideAndAllHaveEndedWhenItReturns() {
        CountDownLatch all = new CountDownLatch(3);
        List<Meeting> readModels = List.of(new Meeting(all, null), new Meeting(all, null), new Meeting(all, null));
        new ProjectionBatching.FlushAtEndOfBatch(List.copyOf(readModels)).flushAll();
        assertThat(readModels).allSatisfy(m -> assertThat(m.flushed).isTrue());
    }

    @Test
    void aFailureIsThrownOnceEveryReadModelHasEndedWithTheOthersSuppressed() {
        CountDownLatch all = new CountDownLatch(3);
        RuntimeException first = new IllegalStateException("the records could not be written");
        RuntimeException second = new IllegalStateException("the audit trail could not be written");
        Meeting records = new Meeting(all, first);
        Meeting scores = new Meeting(all, null);
        Meeting audit = new Meeting(all, second);
        assertThatThrownBy(() -> new ProjectionBatching.FlushAtEndOfBatch(List.of(records, scores, audit)).flushAll())
                .isSameAs(first)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(List.of(records, scores, audit)).allSatisfy(m -> assertThat(m.flushed).isTrue());
    }
}
