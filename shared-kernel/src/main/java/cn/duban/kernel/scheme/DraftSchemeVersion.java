package cn.duban.kernel.scheme;

import cn.duban.kernel.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Draft the next version of a published scheme from a full document. */
public record DraftSchemeVersion(String schemeId, SchemeDocument document) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.scheme(schemeId);
    }
}
