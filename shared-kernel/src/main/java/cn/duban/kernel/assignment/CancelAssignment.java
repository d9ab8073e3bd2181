package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel an assignment with a reason. */
public record CancelAssignment(@TargetAggregateIdentifier String assignmentId, String reason) {
}
