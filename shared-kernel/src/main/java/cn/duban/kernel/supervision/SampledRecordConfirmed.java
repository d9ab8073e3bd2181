package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** 复核 found the sampled record true: it keeps counting. {@code checkVerdict} is what 核查 had said. */
@Revision("1")
public record SampledRecordConfirmed(String sampleId, String unitId, String recordId, Verdict checkVerdict, String note,
                                     String checkedBy, String recheckedBy) implements SupervisionEvent {
}
