package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor confirms the reported rectification. */
public record VerifyRectification(@TargetAggregateIdentifier String rectificationId, String note) {
}
