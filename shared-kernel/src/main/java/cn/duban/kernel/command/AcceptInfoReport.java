package cn.duban.kernel.command;

import cn.duban.kernel.unit.InfoLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept a submitted information report at a level. */
public record AcceptInfoReport(@TargetAggregateIdentifier String reportId, InfoLevel level) {}
