package cn.duban.kernel.assessment;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A unit scored one item itself (自评分); shown beside the assessed score, never changing it. */
@Revision("1")
public record SelfAssessmentRecorded(String selfAssessmentId, String unitId, String schemeId, String itemCode, BigDecimal score,
                                     String note) implements AssessmentEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.SelfAssessment(eventId, recordedAt, schemeId(), itemCode(), score(), note()));
    }
}
