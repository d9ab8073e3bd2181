package cn.duban.kernel.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record progress on an open campaign. */
public record RecordCampaignProgress(@TargetAggregateIdentifier String campaignId, String measure, BigDecimal quantity, LocalDate on) {}
