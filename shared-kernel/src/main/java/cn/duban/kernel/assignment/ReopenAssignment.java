package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopen a completed assignment with a reason. */
public record ReopenAssignment(@TargetAggregateIdentifier String assignmentId, String reason) {
}
