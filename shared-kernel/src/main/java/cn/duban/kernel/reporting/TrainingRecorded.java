package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A training session held by a unit (业务培训). */
@Revision("1")
public record TrainingRecorded(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.TRAINING, null, heldOn(),
                    Map.of("attendees", BigDecimal.valueOf(attendees()), "hours", hours()), trainingId()));
    }
}
