package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an information report not yet accepted or rejected (撤回报送), saying why: it leaves the review queue and stops counting. */
public record WithdrawInfoReport(@TargetAggregateIdentifier String reportId, String reason) {}
