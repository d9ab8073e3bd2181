package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An information report (信息材料) submitted by a unit. */
@Revision("1")
public record InfoReportSubmitted(String reportId, String unitId, String title, LocalDate submittedOn) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_SUBMITTED, null, submittedOn(), Map.of(), reportId()));
    }
}
