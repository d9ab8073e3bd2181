package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a closed round. */
public record PublishInspectionRound(@TargetAggregateIdentifier String roundId) {
}
