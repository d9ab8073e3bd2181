package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/**
 * A unit's notifications were read at once: those up to {@code upTo}, the event-store position of
 * the newest one its reader had in sight; every one sent before this was recorded where {@code upTo}
 * is null (recorded so until stop 65, and by an API client that names none). The notifications come
 * from events before this one, so the read models hold all it can mean.
 */
@Revision("1")
public record AllNotificationsRead(String unitId, Long upTo) implements AssignmentEvent {
    /** Every notification sent before it: how it was recorded before {@code upTo}, which old payloads lack. */
    public AllNotificationsRead(String unitId) {
        this(unitId, null);
    }
}
