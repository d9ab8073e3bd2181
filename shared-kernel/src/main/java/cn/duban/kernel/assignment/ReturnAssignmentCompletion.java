package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Return a completion request with a reason. */
public record ReturnAssignmentCompletion(@TargetAggregateIdentifier String assignmentId, String reason) {
}
