package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** A scheme's sampling plan: {@code recordsPerUnit} records of each unit to sample every {@code period}. */
@Revision("1")
public record SamplingPlanSet(String schemeId, SamplingPeriod period, int recordsPerUnit) implements SupervisionEvent {
}
