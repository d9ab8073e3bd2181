package cn.duban.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grant the pending extension request. */
public record GrantAssignmentExtension(@TargetAggregateIdentifier String assignmentId) {
}
