package cn.duban.kernel.supervision;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a unit's inspection score (default: its baseline score), with a reason. */
public record SetInspectionScore(@TargetAggregateIdentifier String roundId, String unitId, BigDecimal score, String reason) {
}
