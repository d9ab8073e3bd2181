package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.reporting.ReportIndicator;
import cn.duban.kernel.reporting.IndicatorReported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An indicator figure a unit reported for a year. Recorded once, for a registered unit. */
@Aggregate(cache = "aggregateCache")
public class IndicatorReport {
    @AggregateIdentifier
    private String reportId;
    private String unitId;

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

    @EventSourcingHandler
    void on(IndicatorReported event) {
        reportId = event.reportId();
        unitId = event.unitId();
    }

    public String unitId() {
        return unitId;
    }
}
