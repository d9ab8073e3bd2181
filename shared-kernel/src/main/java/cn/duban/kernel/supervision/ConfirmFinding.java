package cn.duban.kernel.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A supervisor confirms a finding an inspecting unit recorded in a 互查 round; from then on it stands. */
public record ConfirmFinding(@TargetAggregateIdentifier String roundId, String findingId) {
}
