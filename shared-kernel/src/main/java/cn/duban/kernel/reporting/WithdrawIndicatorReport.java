package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an indicator figure reported in error (撤回), saying why: the figure reported before it, if any, counts again. */
public record WithdrawIndicatorReport(@TargetAggregateIdentifier String reportId, String reason) {}
