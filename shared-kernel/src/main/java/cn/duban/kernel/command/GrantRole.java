package cn.duban.kernel.command;

import cn.duban.kernel.access.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a user another role (it replaces the one held). */
public record GrantRole(@TargetAggregateIdentifier String userId, Role role, String unitId) {
}
