package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deny the pending extension request with a reason. */
public record DenyAssignmentExtension(@TargetAggregateIdentifier String assignmentId, String reason) {
}
