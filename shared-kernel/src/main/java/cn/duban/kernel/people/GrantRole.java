package cn.duban.kernel.people;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a user another role (it replaces the one held). */
public record GrantRole(@TargetAggregateIdentifier String userId, Role role, String unitId) {
}
