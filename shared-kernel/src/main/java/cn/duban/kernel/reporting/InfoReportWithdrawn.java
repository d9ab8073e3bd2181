package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.supervision.SampleKind;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An information report withdrawn before the lead office decided on it (撤回报送), with the reason:
 * it leaves the review queue, and its submission counts for no scheme from here on.
 */
@Revision("1")
public record InfoReportWithdrawn(String reportId, String unitId, String reason) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Disqualification(eventId, recordedAt, SampleKind.INFO_REPORT, reportId(), reason(),
                Fact.Disqualification.Cause.WITHDRAWAL));
    }
}
