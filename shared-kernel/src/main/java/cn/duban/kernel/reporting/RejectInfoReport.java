package cn.duban.kernel.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reject a submitted information report with a reason. */
public record RejectInfoReport(@TargetAggregateIdentifier String reportId, String reason) {}
