package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An information report rejected (退回) by the lead office, with its reason. */
@Revision("1")
public record InfoReportRejected(String reportId, String unitId, String reason, LocalDate submittedOn) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_REJECTED, null, submittedOn(), Map.of(), reportId()));
    }
}
