package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.reporting.WithdrawIndicatorReport;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.people.UnitScope;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An indicator figure a unit reported for a year. Recorded once, for a registered unit; withdrawn at
 * most once, by its unit's staff or the lead office, when it was reported in error.
 */
@Aggregate(cache = "aggregateCache")
public class IndicatorReport {
    @AggregateIdentifier
    private String reportId;
    private String unitId;
    /** The id of the event that reported the figure: a figure is a record by that event (sampling names it so). */
    private String reportedEventId;
    private boolean withdrawn;

    protected IndicatorReport() {
    }

    @CommandHandler
    public IndicatorReport(ReportIndicator command, References references) {
        references.requireUnit(command.unitId());
        int thisYear = references.today().getYear();
        if (command.year() > thisYear) {
            // A year's figure is reported during or after that year, never before it begins.
            throw new cn.duban.kernel.error.InvalidInputException("year", "不能晚于今年（" + thisYear + "）/ cannot be after this year");
        }
        cn.duban.kernel.reporting.IndicatorFigure.requireConsistent(command.indicator(), command.value(), command.numerator(), command.denominator());
        apply(new IndicatorReported(command.reportId(), command.unitId(), command.indicator(), command.year(), command.value(), command.numerator(), command.denominator(),
                command.materials()));
    }

    @CommandHandler
    void handle(WithdrawIndicatorReport command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        if (withdrawn) {
            throw new ConflictException("该指标数据已撤回 / this figure was already withdrawn");
        }
        apply(new IndicatorReportWithdrawn(reportId, unitId, reportedEventId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(IndicatorReported event, @MessageIdentifier String eventId) {
        reportId = event.reportId();
        unitId = event.unitId();
        reportedEventId = eventId;
    }

    @EventSourcingHandler
    void on(IndicatorReportWithdrawn event) {
        withdrawn = true;
    }

    public String unitId() {
        return unitId;
    }
}
