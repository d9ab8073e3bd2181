package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A failure recorded by the assessor against a PER_FAILURE item (未落实的每次扣分). */
@Revision("1")
public record FailureRecorded(String failureId, String unitId, String schemeId, String itemCode, String reason, LocalDate on) implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Failure(eventId, recordedAt, schemeId(), itemCode(), reason(), on()));
    }
}
