package cn.duban.platform.eventstore;

import org.axonframework.messaging.Message;

import java.time.Instant;

/**
 * When the event store accepted an event (its recording time), as opposed to the event message's own
 * timestamp. {@code asOf} answers, timelines and "recorded at" shown to users use this time: it grows
 * with the global position, so "what was on record at T" is a prefix of the store.
 *
 * <p>The store keeps it beside each commit and hands it to readers under {@link #METADATA_KEY} in the
 * metadata of every event it reads back. A message that never went through the store (an aggregate
 * test fixture, a subscribing handler) has none; its own timestamp stands in, since it was recorded
 * in the same unit of work.
 */
public final class RecordingTime {
    public static final String METADATA_KEY = "duban.recordedAt";

    private RecordingTime() {
    }

    public static Instant of(Message<?> message) {
        Object value = message.getMetaData().get(METADATA_KEY);
        if (value != null) {
            return Instant.parse(value.toString());
        }
        if (message instanceof org.axonframework.eventhandling.EventMessage<?> event) {
            return event.getTimestamp();
        }
        throw new IllegalArgumentException("Not an event message: " + message.getClass().getName());
    }
}
