package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraw a whole campaign entered in error (撤回: launched twice, or for the wrong unit), saying why:
 * its launch, its steps and its closing stop counting from now on.
 */
public record WithdrawCampaign(@TargetAggregateIdentifier String campaignId, String reason) {}
