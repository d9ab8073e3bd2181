package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An appeal rejected, with the lead office's note. */
@Revision("1")
public record AppealRejected(String appealId, String unitId, String schemeId, String itemCode, String note) implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Appeal(eventId, recordedAt, appealId(), schemeId(), itemCode(), "REJECTED", null, note()));
    }
}
