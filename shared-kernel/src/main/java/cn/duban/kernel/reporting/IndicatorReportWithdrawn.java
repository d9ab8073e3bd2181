package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.supervision.SampleKind;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An indicator figure withdrawn as reported in error (撤回), with the reason. A figure is a record
 * by the event that reported it ({@code reportedEventId}, as sampling names it): from here on the
 * latest figure of that indicator and year not withdrawn counts, or none.
 */
@Revision("1")
public record IndicatorReportWithdrawn(String reportId, String unitId, String reportedEventId, String reason) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Disqualification(eventId, recordedAt, SampleKind.INDICATOR_REPORT, reportedEventId(), reason(),
                Fact.Disqualification.Cause.WITHDRAWAL));
    }
}
