package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An appeal upheld; {@code points} corrects the item (it may be 0). */
@Revision("1")
public record AppealUpheld(String appealId, String unitId, String schemeId, String itemCode, BigDecimal points, String note) implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Appeal(eventId, recordedAt, appealId(), schemeId(), itemCode(), "UPHELD", points(), note()));
    }
}
