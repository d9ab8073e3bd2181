package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grant the pending extension request. */
public record GrantAssignmentExtension(@TargetAggregateIdentifier String assignmentId) {
}
