package cn.duban.command.supervision;

import cn.duban.command.common.References;
import cn.duban.kernel.people.UnitScope;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.calendar.WorkingDayCalendar;
import cn.duban.kernel.supervision.CheckRectificationDeadline;
import cn.duban.kernel.supervision.OrderRectification;
import cn.duban.kernel.supervision.RejectRectification;
import cn.duban.kernel.supervision.ReportRectification;
import cn.duban.kernel.supervision.VerifyRectification;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationRejected;
import cn.duban.kernel.supervision.RectificationReported;
import cn.duban.kernel.supervision.RectificationVerified;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 限期整改: a finding's unit must rectify by a deadline fixed when it is ordered (20 working days by
 * default, seed 004). The unit reports, a supervisor verifies or rejects; a rectification not
 * reported by its deadline, or whose report was rejected and not yet redone, is put under listed
 * supervision (挂牌督办) the day after.
 */
@Aggregate(cache = "aggregateCache")
class Rectification {
    public static final int DEFAULT_WORKING_DAYS = 20;
    static final int MAX_WORKING_DAYS = 120;

    enum Status { ORDERED, REPORTED, VERIFIED }

    @AggregateIdentifier
    private String rectificationId;
    private String unitId;
    private LocalDate dueOn;
    private Status status;
    private boolean listed;

    protected Rectification() {
    }

    @CommandHandler
    public Rectification(OrderRectification c, References references, WorkingDayCalendar calendar, Clock dubanClock) {
        References.FindingRef finding = references.requireFinding(c.roundId(), c.findingId());
        if (!finding.stands()) {
            throw new cn.duban.kernel.error.ConflictException("该互查发现未经督查组确认 / this 互查 finding has not been confirmed by a supervisor");
        }
        if (c.requirement() == null || c.requirement().isBlank()) {
            throw new InvalidInputException("requirement", "必填 / required");
        }
        LocalDate today = LocalDate.now(dubanClock.withZone(DistrictTime.ZONE));
        LocalDate due;
        Integer workingDays = null;
        if (c.dueOn() != null) {
            if (!c.dueOn().isAfter(today)) {
                throw new InvalidInputException("dueOn", "整改期限须在今天之后 / the deadline must be after today");
            }
            due = c.dueOn();
        } else {
            workingDays = c.workingDays() == null ? DEFAULT_WORKING_DAYS : c.workingDays();
            if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
                throw new InvalidInputException("workingDays", "须在1到" + MAX_WORKING_DAYS + "之间 / must be between 1 and " + MAX_WORKING_DAYS);
            }
            due = calendar.addWorkingDays(today, workingDays);
        }
        apply(new RectificationOrdered(c.rectificationId(), finding.roundId(), finding.findingId(), finding.unitId(), finding.itemCode(),
                finding.text(), c.requirement().strip(), today, workingDays, due));
    }

    @CommandHandler
    void handle(ReportRectification c, Clock dubanClock, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit,
                References references) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        if (status == Status.VERIFIED) {
            throw new ConflictException("整改已核实 / the rectification has been verified already");
        }
        if (status == Status.REPORTED) {
            throw new ConflictException("整改报告待核实 / a report is awaiting verification");
        }
        if (c.text() == null || c.text().isBlank()) {
            throw new InvalidInputException("text", "必填 / required");
        }
        apply(new RectificationReported(rectificationId, unitId, c.text().strip(), c.evidence() == null ? List.of() : List.copyOf(c.evidence()),
                LocalDate.now(dubanClock.withZone(DistrictTime.ZONE)), references.requireMaterials(unitId, c.materials())));
    }

    @CommandHandler
    void handle(VerifyRectification c) {
        requireReported();
        apply(new RectificationVerified(rectificationId, unitId, c.note() == null || c.note().isBlank() ? null : c.note().strip()));
    }

    @CommandHandler
    void handle(RejectRectification c) {
        requireReported();
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "退回整改须说明理由 / a rejection needs its reason");
        }
        apply(new RectificationRejected(rectificationId, unitId, c.reason().strip()));
    }

    /** Records the escalation at most once; answers whether it did. */
    @CommandHandler
    boolean handle(CheckRectificationDeadline c) {
        if (listed || status != Status.ORDERED || !c.today().isAfter(dueOn)) {
            return false;
        }
        apply(new RectificationEscalated(rectificationId, unitId, dueOn, c.today()));
        return true;
    }

    private void requireReported() {
        if (status != Status.REPORTED) {
            throw new ConflictException(status == Status.VERIFIED ? "整改已核实 / the rectification has been verified already"
                    : "尚无待核实的整改报告 / there is no report to verify");
        }
    }

    @EventSourcingHandler
    void on(RectificationOrdered e) {
        rectificationId = e.rectificationId();
        unitId = e.unitId();
        dueOn = e.dueOn();
        status = Status.ORDERED;
    }

    @EventSourcingHandler
    void on(RectificationReported e) {
        status = Status.REPORTED;
    }

    @EventSourcingHandler
    void on(RectificationRejected e) {
        status = Status.ORDERED;
    }

    @EventSourcingHandler
    void on(RectificationVerified e) {
        status = Status.VERIFIED;
    }

    @EventSourcingHandler
    void on(RectificationEscalated e) {
        listed = true;
    }
}
