package cn.duban.platform.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, whose readers can be woken as soon as an append has stored its
 * events ({@link cn.duban.platform.eventstore.SequencedMongoEventStorageEngine#whenEventsStored}),
 * before the append has waited for them to be durable. Axon wakes them only once the command's unit
 * of work has committed, which here is after the H2 commit: a command's answer, which waits for its
 * projections (read-your-writes), waited for the commit and then for the projections, one after the
 * other (issue 14: a third of a command's time went to each).
 */
public class EarlyReadingEventStore extends EmbeddedEventStore {

    EarlyReadingEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the readers waiting for new events, as Axon does after a commit. */
    public void eventsStored() {
        afterCommit(List.of());
    }
}
