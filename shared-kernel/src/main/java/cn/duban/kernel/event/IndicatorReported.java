package cn.duban.kernel.event;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An indicator figure (率指标) for a year, in percent. */
@Revision("1")
public record IndicatorReported(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator) implements UnitEvent {
}
