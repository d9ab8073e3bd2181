package cn.duban.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deny the pending extension request with a reason. */
public record DenyAssignmentExtension(@TargetAggregateIdentifier String assignmentId, String reason) {
}
