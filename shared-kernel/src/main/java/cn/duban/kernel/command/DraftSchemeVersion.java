package cn.duban.kernel.command;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.scheme.SchemeDocument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Draft the next version of a published scheme from a full document. */
public record DraftSchemeVersion(String schemeId, SchemeDocument document) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.scheme(schemeId);
    }
}
