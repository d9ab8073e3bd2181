package cn.duban.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an open round. */
public record CloseInspectionRound(@TargetAggregateIdentifier String roundId) {
}
