package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Optional;

/**
 * An appeal withdrawn before the lead office decided it (撤回), with the reason: the lead office has
 * nothing left to decide, and the score's item shows the appeal withdrawn where it showed it waiting.
 */
@Revision("1")
public record AppealWithdrawn(String appealId, String unitId, String schemeId, String itemCode, String reason)
        implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Appeal(eventId, recordedAt, appealId(), schemeId(), itemCode(), "WITHDRAWN", null, reason()));
    }
}
