package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept a submitted information report at a level. */
public record AcceptInfoReport(@TargetAggregateIdentifier String reportId, InfoLevel level) {}
