package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw one step of an open campaign's progress recorded in error (撤回), named by the event that recorded it, saying why. */
public record WithdrawCampaignProgress(@TargetAggregateIdentifier String campaignId, String progressEventId, String reason) {}
