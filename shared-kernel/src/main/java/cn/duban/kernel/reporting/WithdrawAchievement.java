package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an achievement entered in error (撤回), saying why: its bonus stops counting from now on. */
public record WithdrawAchievement(@TargetAggregateIdentifier String achievementId, String reason) {}
