package cn.duban.kernel.reporting;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close an open campaign. */
public record CloseCampaign(@TargetAggregateIdentifier String campaignId, LocalDate on, String summary) {}
