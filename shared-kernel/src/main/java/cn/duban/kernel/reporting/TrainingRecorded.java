package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.material.Material;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * A training session held by a unit: its kind and audience, and the files that prove it. Events
 * stored before kinds and materials existed read with no kind (they were recorded as 业务培训) and
 * no files.
 */
@Revision("1")
public record TrainingRecorded(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours,
                               TrainingKind kind, String audience, List<Material> materials) implements ReportingEvent, UnitEvent {
    public TrainingRecorded {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A 业务培训 with no files. */
    public TrainingRecorded(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours) {
        this(trainingId, unitId, heldOn, topic, attendees, hours, TrainingKind.BUSINESS, null, List.of());
    }

    /** The kind, taking an event stored before kinds existed as the 业务培训 it was recorded as. */
    public TrainingKind kindOrBusiness() {
        return kind == null ? TrainingKind.BUSINESS : kind;
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        // A training's level is its kind, which rules may name (S1.4 counts 业务培训 only).
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.TRAINING, kindOrBusiness().name(), heldOn(),
                    Map.of("attendees", BigDecimal.valueOf(attendees()), "hours", hours()), trainingId()));
    }
}
