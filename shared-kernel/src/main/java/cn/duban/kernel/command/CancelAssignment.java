package cn.duban.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel an assignment with a reason. */
public record CancelAssignment(@TargetAggregateIdentifier String assignmentId, String reason) {
}
