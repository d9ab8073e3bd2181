package cn.duban.kernel.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a closed round. */
public record PublishInspectionRound(@TargetAggregateIdentifier String roundId) {
}
