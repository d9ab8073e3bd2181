package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.AcceptInfoReport;
import cn.duban.kernel.reporting.RejectInfoReport;
import cn.duban.kernel.reporting.SubmitInfoReport;
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

/** An information report (信息材料): submitted by a unit, then accepted (录用) or rejected once. */
@Aggregate(cache = "aggregateCache")
public class InfoReport {
    enum Status { SUBMITTED, ACCEPTED, REJECTED }

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

    private void requireUndecided() {
        if (status == Status.ACCEPTED) {
            throw new ConflictException("该信息已录用 / this report was already accepted");
        }
        if (status == Status.REJECTED) {
            throw new ConflictException("该信息已退回 / this report was already rejected");
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

    public String unitId() {
        return unitId;
    }
}
