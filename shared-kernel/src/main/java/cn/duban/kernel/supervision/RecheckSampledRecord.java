package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 复核: a second, different supervisor's final verdict on a checked record. */
public record RecheckSampledRecord(@TargetAggregateIdentifier String sampleId, String recordId, Verdict verdict, String note) {
}
