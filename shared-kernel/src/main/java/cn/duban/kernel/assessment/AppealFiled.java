package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A unit appealed (申诉) its score on one item. */
@Revision("1")
public record AppealFiled(String appealId, String unitId, String schemeId, String itemCode, String reason) implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Appeal(eventId, recordedAt, appealId(), schemeId(), itemCode(), "FILED", null, reason()));
    }
}
