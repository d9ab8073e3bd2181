package cn.duban.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Acknowledge (签收) an assignment for a unit on it. */
public record AcknowledgeAssignment(@TargetAggregateIdentifier String assignmentId, String unitId) {
}
