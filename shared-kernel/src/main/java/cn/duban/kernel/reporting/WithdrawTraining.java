package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a training record entered in error (撤回), saying why: it stops counting from now on. */
public record WithdrawTraining(@TargetAggregateIdentifier String trainingId, String reason) {}
