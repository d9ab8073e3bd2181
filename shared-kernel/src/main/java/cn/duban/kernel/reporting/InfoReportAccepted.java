package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An information report accepted (录用) by the lead office at a level. */
@Revision("1")
public record InfoReportAccepted(String reportId, String unitId, InfoLevel level, LocalDate submittedOn) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        // An accepted report counts for the year it was submitted in, not the day it was accepted.
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_ACCEPTED, level().name(), submittedOn(), Map.of(), reportId()));
    }
}
