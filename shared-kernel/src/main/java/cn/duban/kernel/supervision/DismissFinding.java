package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor dismisses a finding an inspecting unit recorded in a 互查 round, saying why. */
public record DismissFinding(@TargetAggregateIdentifier String roundId, String findingId, String reason) {
}
