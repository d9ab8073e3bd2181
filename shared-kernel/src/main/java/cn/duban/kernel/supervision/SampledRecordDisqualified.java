package cn.duban.kernel.supervision;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * 复核 found the sampled record untrue (不实): it stops counting from here on, whichever scheme
 * reads it, with {@code reason} in the evidence. {@code checkVerdict} is what 核查 had said.
 */
@Revision("1")
public record SampledRecordDisqualified(String sampleId, String unitId, SampleKind kind, String recordId, Verdict checkVerdict,
                                        String reason, String checkedBy, String recheckedBy) implements SupervisionEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Disqualification(eventId, recordedAt, kind(), recordId(), reason()));
    }
}
