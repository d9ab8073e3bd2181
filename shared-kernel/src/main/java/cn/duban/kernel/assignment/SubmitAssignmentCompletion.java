package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for the assignment to be closed (lead unit). */
public record SubmitAssignmentCompletion(@TargetAggregateIdentifier String assignmentId, String unitId, String note) {
}
