package cn.duban.standalone;

import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.query.common.ProjectionGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test's hand on the read models (imported by the test class): the first handler of their
 * processing group (Axon orders a group's handlers so), it holds them on a training of
 * {@link #heldTopic} while {@link #hold} is closed, so that no read model has it before it lets go,
 * and fails them on one of {@link #failingTopic} while that is set.
 */
@TestConfiguration
class HeldReadModels {
    static volatile String heldTopic;
    static volatile CountDownLatch hold = new CountDownLatch(0);
    static volatile String failingTopic;

    /** Holds the read models on the next training of {@code topic}, until the latch answered is counted down. */
    static CountDownLatch holdOn(String topic) {
        hold = new CountDownLatch(1);
        heldTopic = topic;
        return hold;
    }

    @Bean
    Held heldReadModels() {
        return new Held();
    }

    @ProcessingGroup(ProjectionGroups.PROJECTIONS)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Held {
        @EventHandler
        void on(TrainingRecorded event) throws InterruptedException {
            if (event.topic().equals(heldTopic)) {
                hold.await(60, TimeUnit.SECONDS);
            }
            if (event.topic().equals(failingTopic)) {
                throw new IllegalStateException("injected failure of a read model");
            }
        }
    }
}
