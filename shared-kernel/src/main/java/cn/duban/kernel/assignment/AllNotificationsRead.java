package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/**
 * Every notification a unit had been sent when this was recorded was read at once: the
 * notifications come from events before this one, so the read models mark all they hold for the unit.
 */
@Revision("1")
public record AllNotificationsRead(String unitId) implements AssignmentEvent {
}
