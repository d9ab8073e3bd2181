package cn.duban.kernel.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an open campaign. */
public record CloseCampaign(@TargetAggregateIdentifier String campaignId, LocalDate on, String summary) {}
