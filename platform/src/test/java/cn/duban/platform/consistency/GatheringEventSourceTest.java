package cn.duban.platform.consistency;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events gather before a processor gets them, all of them come, in order, and a reader that waits for
 * them gets them at once: on Axon's own event store and tracking processor, in memory.
 */
class GatheringEventSourceTest {
    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        store.shutDown();
    }

    void commit(int n) {
        for (int i = 0; i < n; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
    }

    BlockingStream<TrackedEventMessage<?>> stream(GatheringEventSource source) {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        toClose.add(stream);
        return stream;
    }

    @Test
    void eventsGatherThenAllThereIsIsHandedOnUntilCaughtUp() throws Exception {
        GatheringEventSource source = new GatheringEventSource(store, Duration.ofMillis(400));
        BlockingStream<TrackedEventMessage<?>> stream = stream(source);
        commit(3);

        assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).as("gathering").isFalse();
        assertThat(stream.peek()).isEmpty();
        long start = System.nanoTime();
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        List<Object> handed = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            handed.add(stream.nextAvailable().getPayload());
        }
        assertThat(handed).containsExactly("event 0", "event 1", "event 2");

        commit(1);
        assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).as("a new gathering").isFalse();
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("event 0");
    }

    @Test
    void aReaderWaitingForEventsHasThemHandedOnAtOnceButNotLaterOnes() throws Exception {
        GatheringEventSource source = new GatheringEventSource(store, Duration.ofMinutes(10));
        BlockingStream<TrackedEventMessage<?>> stream = stream(source);
        commit(2); // positions 0 and 1

        assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
        source.hurry(0);
        assertThat(stream.hasNextAvailable()).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).as("what came with it").isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isFalse();

        commit(1); // position 2: nobody waits for it
        assertThat(stream.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aReaderWakesAStreamThatIsWaitingOutAGathering() throws Exception {
        GatheringEventSource source = new GatheringEventSource(store, Duration.ofMinutes(10));
        BlockingStream<TrackedEventMessage<?>> stream = stream(source);
        commit(1);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.hasNextAvailable(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        source.hurry(0);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    /** What the gathering is for: a processor fed commit by commit handles them in a few batches. */
    @Test
    void aTrackingProcessorHandlesEventsCommittedOneByOneInFewBatches() throws Exception {
        GatheringEventSource source = new GatheringEventSource(store, Duration.ofMillis(1500));
        List<Object> handled = Collections.synchronizedList(new ArrayList<>());
        Set<Object> batches = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        EventMessageHandler listener = event -> {
            handled.add(event.getPayload());
            batches.add(CurrentUnitOfWork.get());
            return null;
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("gathered")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(listener).build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1000))
                .build();
        processor.start();
        toClose.add(processor::shutDown);

        for (int i = 0; i < 40; i++) {
            store.publish(GenericEventMessage.asEventMessage(i));
            Thread.sleep(10);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(i);
        }
        assertThat(handled).containsExactlyElementsOf(expected);
        assertThat(batches).as("batches for 40 commits").hasSizeLessThanOrEqualTo(2);

        // A reader waiting for the next commit has it handled long before a gathering would end.
        store.publish(GenericEventMessage.asEventMessage(40));
        long start = System.nanoTime();
        source.hurry(40);
        while (handled.size() < 41 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(5);
        }
        assertThat(handled).hasSize(41);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
    }
}
