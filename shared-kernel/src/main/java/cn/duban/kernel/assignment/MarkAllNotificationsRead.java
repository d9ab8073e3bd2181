package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A unit's user marks its notifications read (全部标为已读): those up to {@code upTo}, the position
 * of the newest one in sight, so one that arrived meanwhile stays unread and asking again for the
 * same ones records nothing; every one so far where {@code upTo} is null.
 */
public record MarkAllNotificationsRead(String unitId, Long upTo) {
    public MarkAllNotificationsRead(String unitId) {
        this(unitId, null);
    }

    @TargetAggregateIdentifier
    public String inboxId() {
        return "inbox:" + unitId;
    }
}
