package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An assessor deduction or bonus on one item of a unit, with its reason. */
@Revision("1")
public record ScoreAdjusted(String adjustmentId, String unitId, String schemeId, String itemCode, BigDecimal points, String reason) implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Adjustment(eventId, recordedAt, schemeId(), itemCode(), points(), reason()));
    }
}
