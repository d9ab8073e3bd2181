package cn.duban.kernel.supervision;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A unit's inspection score set away from its baseline, with the reason. */
@Revision("1")
public record InspectionScoreSet(String roundId, String unitId, BigDecimal score, String reason) implements SupervisionEvent {
}
