package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.kernel.reporting.SubmitInfoReport;
import cn.duban.kernel.reporting.WithdrawInfoReport;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.people.UnitScope;
import cn.duban.platform.axon.Audit;
import org.axonframework.messaging.annotation.MetaDataValue;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An information report (信息材料): submitted by a unit, then accepted (录用) or rejected once, or
 * withdrawn (撤回) by its unit's staff or the lead office while it waits for that decision.
 */
@Aggregate(cache = "aggregateCache")
public class InfoReport {
    enum Status { SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN }

    @AggregateIdentifier
    private String reportId;
    private String unitId;
    private LocalDate submittedOn;
    private Status status;

    protected InfoReport() {
    }

    @CommandHandler
    public InfoReport(SubmitInfoReport command, References references) {
        references.requireUnit(command.unitId());
        references.requireHappened("submittedOn", command.submittedOn());
        apply(new InfoReportSubmitted(command.reportId(), command.unitId(), command.title().strip(), command.submittedOn(),
                command.text() == null || command.text().isBlank() ? null : command.text().strip(),
                command.category() == null || command.category().isBlank() ? null : command.category().strip(), command.materials()));
    }

    @CommandHandler
    void handle(AcceptInfoReport command) {
        requireUndecided();
        apply(new InfoReportAccepted(reportId, unitId, command.level(), submittedOn));
    }

    @CommandHandler
    void handle(RejectInfoReport command) {
        requireUndecided();
        apply(new InfoReportRejected(reportId, unitId, command.reason().strip(), submittedOn));
    }

    @CommandHandler
    void handle(WithdrawInfoReport command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        requireUndecided();
        apply(new InfoReportWithdrawn(reportId, unitId, command.reason().strip()));
    }

    private void requireUndecided() {
        if (status == Status.ACCEPTED) {
            throw new ConflictException("该信息已录用 / this report was already accepted");
        }
        if (status == Status.REJECTED) {
            throw new ConflictException("该信息已退回 / this report was already rejected");
        }
        if (status == Status.WITHDRAWN) {
            throw new ConflictException("该信息已撤回 / this report was withdrawn");
        }
    }

    @EventSourcingHandler
    void on(InfoReportSubmitted event) {
        reportId = event.reportId();
        unitId = event.unitId();
        submittedOn = event.submittedOn();
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(InfoReportAccepted event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(InfoReportRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(InfoReportWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    public String unitId() {
        return unitId;
    }
}
