package cn.duban.kernel.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled user sign in again (their role and unit as before). */
public record EnableUser(@TargetAggregateIdentifier String userId) {
}
