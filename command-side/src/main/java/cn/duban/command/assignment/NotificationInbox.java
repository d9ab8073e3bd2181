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
 * nothing. Reading all up to a position records nothing when all up to it (or further) were read
 * at once before: the same list marked read twice. Asked without a position it is recorded each
 * time: the notifications come from other aggregates' events, so this one cannot know whether any
 * arrived since.
 */
@Aggregate(cache = "aggregateCache")
class NotificationInbox {
    @AggregateIdentifier
    private String inboxId;
    private final Set<String> read = new HashSet<>();
    /** The furthest position up to which all were read at once; -1 before any such act. */
    private long allReadUpTo = -1;

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
        if (c.upTo() != null && c.upTo() < 0) {
            throw new cn.duban.kernel.error.InvalidInputException("upTo", "须为0或正整数 / must be zero or more");
        }
        if (c.upTo() != null && c.upTo() <= allReadUpTo) {
            return;
        }
        apply(new AllNotificationsRead(c.unitId(), c.upTo()));
    }

    @EventSourcingHandler
    void on(AllNotificationsRead e) {
        inboxId = "inbox:" + e.unitId();
        if (e.upTo() != null) {
            allReadUpTo = Math.max(allReadUpTo, e.upTo());
        }
    }

    @EventSourcingHandler
    void on(NotificationRead e) {
        inboxId = "inbox:" + e.unitId();
        read.add(e.notificationId());
    }
}
