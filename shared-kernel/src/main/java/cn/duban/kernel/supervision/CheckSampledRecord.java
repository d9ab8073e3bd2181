package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 核查: the first supervisor's verdict on one sampled record. */
public record CheckSampledRecord(@TargetAggregateIdentifier String sampleId, String recordId, Verdict verdict, String note) {
}
