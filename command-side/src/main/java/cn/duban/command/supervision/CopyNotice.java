package cn.duban.command.supervision;

import cn.duban.command.common.References;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.calendar.WorkingDayCalendar;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.UnitScope;
import cn.duban.kernel.supervision.AnswerCopyNotice;
import cn.duban.kernel.supervision.CheckCopyNoticeDeadline;
import cn.duban.kernel.supervision.CopyNoticeAnswered;
import cn.duban.kernel.supervision.CopyNoticeEscalated;
import cn.duban.kernel.supervision.CopyNoticeSent;
import cn.duban.kernel.supervision.SendCopyNotice;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 抄告单 and its 反馈 (seed 004): the lead office, or a department about its own field, tells another
 * unit of a problem; the unit answers within 20 working days on the district calendar, once. One not
 * answered by then is escalated to the lead office the day after, once.
 */
@Aggregate(cache = "aggregateCache")
class CopyNotice {
    static final int WORKING_DAYS = 20;

    @AggregateIdentifier
    private String noticeId;
    private String toUnitId;
    private LocalDate dueOn;
    private boolean answered;
    private boolean escalated;

    protected CopyNotice() {
    }

    @CommandHandler
    CopyNotice(SendCopyNotice c, References references, WorkingDayCalendar calendar, Clock dubanClock,
               @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        if (Role.UNIT_STAFF.name().equals(role) && (c.fromUnitId() == null || !c.fromUnitId().equals(actorUnit))) {
            throw new ForbiddenException("只能以本单位名义抄告 / unit staff send in their own unit's name only");
        }
        if (c.fromUnitId() != null) {
            references.requireUnit(c.fromUnitId());
        }
        references.requireUnit(c.toUnitId());
        if (c.toUnitId().equals(c.fromUnitId())) {
            throw new InvalidInputException("toUnitId", "不能抄告本单位 / a unit does not send a notice to itself");
        }
        if (c.subject() == null || c.subject().isBlank()) {
            throw new InvalidInputException("subject", "必填 / required");
        }
        if (c.text() == null || c.text().isBlank()) {
            throw new InvalidInputException("text", "必填 / required");
        }
        LocalDate today = LocalDate.now(dubanClock.withZone(DistrictTime.ZONE));
        apply(new CopyNoticeSent(c.noticeId(), c.fromUnitId(), c.toUnitId(), c.subject().strip(), c.text().strip(), today,
                calendar.addWorkingDays(today, WORKING_DAYS)));
    }

    @CommandHandler
    void handle(AnswerCopyNotice c, Clock dubanClock, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, toUnitId);
        if (answered) {
            throw new ConflictException("该抄告单已反馈 / this notice has been answered already");
        }
        if (c.text() == null || c.text().isBlank()) {
            throw new InvalidInputException("text", "必填 / required");
        }
        apply(new CopyNoticeAnswered(noticeId, toUnitId, c.text().strip(), LocalDate.now(dubanClock.withZone(DistrictTime.ZONE))));
    }

    /** True when this check escalated the notice. */
    @CommandHandler
    boolean handle(CheckCopyNoticeDeadline c) {
        if (answered || escalated || !c.today().isAfter(dueOn)) {
            return false;
        }
        apply(new CopyNoticeEscalated(noticeId, toUnitId, dueOn, c.today()));
        return true;
    }

    @EventSourcingHandler
    void on(CopyNoticeSent e) {
        noticeId = e.noticeId();
        toUnitId = e.toUnitId();
        dueOn = e.dueOn();
    }

    @EventSourcingHandler
    void on(CopyNoticeAnswered e) {
        answered = true;
    }

    @EventSourcingHandler
    void on(CopyNoticeEscalated e) {
        escalated = true;
    }
}
