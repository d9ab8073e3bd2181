package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit's user marks every notification the unit has been sent so far read (全部标为已读). */
public record MarkAllNotificationsRead(String unitId) {
    @TargetAggregateIdentifier
    public String inboxId() {
        return "inbox:" + unitId;
    }
}
