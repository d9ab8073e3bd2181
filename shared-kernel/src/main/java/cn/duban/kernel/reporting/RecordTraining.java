package cn.duban.kernel.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Record a training session a unit held. */
public record RecordTraining(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours) {}
