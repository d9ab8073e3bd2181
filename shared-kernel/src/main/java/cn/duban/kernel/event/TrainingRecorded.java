package cn.duban.kernel.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A training session held by a unit (业务培训). */
@Revision("1")
public record TrainingRecorded(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours) implements UnitEvent {
}
