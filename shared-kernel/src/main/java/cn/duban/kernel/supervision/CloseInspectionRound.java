package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an open round. */
public record CloseInspectionRound(@TargetAggregateIdentifier String roundId) {
}
