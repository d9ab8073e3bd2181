package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** A notification of a unit was read. */
@Revision("1")
public record NotificationRead(String unitId, String notificationId) implements AssignmentEvent {
}
