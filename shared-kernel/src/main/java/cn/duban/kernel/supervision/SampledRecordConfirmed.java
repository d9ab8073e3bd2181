package cn.duban.kernel.supervision;

import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * 复核 found the sampled record true: it keeps counting. {@code checkVerdict} is what 核查 had said.
 * To the score it is a {@link FactKind#SAMPLE_CONFIRMED} on the day of the recheck, which a scheme's
 * accuracy rule (抽查准确率) reads.
 */
@Revision("1")
public record SampledRecordConfirmed(String sampleId, String unitId, String recordId, Verdict checkVerdict, String note,
                                     String checkedBy, String recheckedBy) implements SupervisionEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.SAMPLE_CONFIRMED, null, DistrictTime.dateOf(recordedAt),
                Map.of(), recordId()));
    }
}
