package cn.duban.kernel.scheme;

import cn.duban.kernel.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the open draft of a scheme; it is frozen from then on. */
public record PublishScheme(String schemeId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.scheme(schemeId);
    }
}
