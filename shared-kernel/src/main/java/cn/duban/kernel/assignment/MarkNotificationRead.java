package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit's user marks one of the unit's notifications read. */
public record MarkNotificationRead(String unitId, String notificationId) {
    @TargetAggregateIdentifier
    public String inboxId() {
        return "inbox:" + unitId;
    }
}
