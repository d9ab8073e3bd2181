package cn.duban.kernel.event;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An assessor deduction or bonus on one item of a unit, with its reason. */
@Revision("1")
public record ScoreAdjusted(String adjustmentId, String unitId, String schemeId, String itemCode, BigDecimal points, String reason) implements UnitEvent {
}
