package cn.duban.kernel.supervision;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask a rectification what {@code today} calls for; answers whether it recorded anything. */
public record CheckRectificationDeadline(@TargetAggregateIdentifier String rectificationId, LocalDate today) {
}
