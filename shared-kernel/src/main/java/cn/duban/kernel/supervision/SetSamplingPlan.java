package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set (or change) the sampling plan of a scheme's year: each unit's records to sample per period. */
public record SetSamplingPlan(String schemeId, SamplingPeriod period, int recordsPerUnit) {
    @TargetAggregateIdentifier
    public String planId() {
        return "sampling-plan:" + schemeId;
    }
}
