package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** 核查 done on one sampled record; it changes no score until rechecked. */
@Revision("1")
public record SampledRecordChecked(String sampleId, String unitId, String recordId, Verdict verdict, String note, String checkedBy) implements SupervisionEvent {
}
