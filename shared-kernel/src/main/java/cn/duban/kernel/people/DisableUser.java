package cn.duban.kernel.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop a user signing in; what they did stays on record under their name. */
public record DisableUser(@TargetAggregateIdentifier String userId, String reason) {
}
