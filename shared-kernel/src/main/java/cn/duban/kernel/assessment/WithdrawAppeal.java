package cn.duban.kernel.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an appeal the lead office has not decided (撤回申诉), saying why: it leaves the lead office's queue. */
public record WithdrawAppeal(@TargetAggregateIdentifier String appealId, String reason) {}
