package cn.duban.kernel.assignment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Acknowledge (签收) an assignment for a unit on it. */
public record AcknowledgeAssignment(@TargetAggregateIdentifier String assignmentId, String unitId) {
}
