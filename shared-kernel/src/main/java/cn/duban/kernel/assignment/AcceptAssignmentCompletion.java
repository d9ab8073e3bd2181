package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the assignment on its completion request (办结). */
public record AcceptAssignmentCompletion(@TargetAggregateIdentifier String assignmentId, String note) {
}
