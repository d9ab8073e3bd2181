package cn.duban.command.assignment;

import cn.duban.command.common.References;
import cn.duban.kernel.assignment.AllNotificationsRead;
import cn.duban.kernel.assignment.MarkAllNotificationsRead;
import cn.duban.kernel.assignment.MarkNotificationRead;
import cn.duban.kernel.assignment.NotificationRead;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Which of a unit's notifications were read; created with the first act. Reading one twice records
 * nothing. Reading all is recorded each time it is asked: the notifications come from other
 * aggregates' events, so this one cannot know whether any arrived since the last time.
 */
@Aggregate(cache = "aggregateCache")
class NotificationInbox {
    @AggregateIdentifier
    private String inboxId;
    private final Set<String> read = new HashSet<>();

    public NotificationInbox() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkNotificationRead c, References references) {
        if (inboxId == null) {
            references.requireUnit(c.unitId());
        }
        // A notification's id ends with the unit it went to (see NotificationsProjection).
        if (!c.notificationId().endsWith(":" + c.unitId())) {
            throw new cn.duban.kernel.error.InvalidInputException("notificationId", "不是该单位的通知 / not a notification of this unit");
        }
        if (!read.contains(c.notificationId())) {
            apply(new NotificationRead(c.unitId(), c.notificationId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(MarkAllNotificationsRead c, References references) {
        if (inboxId == null) {
            references.requireUnit(c.unitId());
        }
        apply(new AllNotificationsRead(c.unitId()));
    }

    @EventSourcingHandler
    void on(AllNotificationsRead e) {
        inboxId = "inbox:" + e.unitId();
    }

    @EventSourcingHandler
    void on(NotificationRead e) {
        inboxId = "inbox:" + e.unitId();
        read.add(e.notificationId());
    }
}
