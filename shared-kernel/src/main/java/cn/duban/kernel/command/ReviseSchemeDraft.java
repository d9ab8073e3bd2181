package cn.duban.kernel.command;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.scheme.SchemeDocument;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the open draft of a scheme with a corrected document. */
public record ReviseSchemeDraft(String schemeId, SchemeDocument document) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.scheme(schemeId);
    }
}
