package cn.duban.command.people;

import cn.duban.command.common.References;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.DisableUser;
import cn.duban.kernel.people.EnableUser;
import cn.duban.kernel.people.GrantRole;
import cn.duban.kernel.people.RegisterUser;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.people.RoleGranted;
import cn.duban.kernel.people.UserDisabled;
import cn.duban.kernel.people.UserEnabled;
import cn.duban.kernel.people.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A user of Duban and the role it holds; every grant is an event, so who could do what, when, is on record. */
@Aggregate(cache = "aggregateCache")
class UserAccount {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    @AggregateIdentifier
    private String userId;
    private String username;
    private Role role;
    private String unitId;
    private boolean disabled;

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(RegisterUser c, References references) {
        if (c.username() == null || !USERNAME.matcher(c.username()).matches()) {
            throw new InvalidInputException("username", "须为2到40位小写字母、数字、点、下划线或连字符 / 2–40 of a-z 0-9 . _ -");
        }
        if (c.displayName() == null || c.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "必填 / required");
        }
        requireRole(c.role(), c.unitId(), references);
        apply(new UserRegistered(c.username(), c.displayName().strip(), c.role(), unitOf(c.role(), c.unitId())));
    }

    @CommandHandler
    void handle(GrantRole c, References references) {
        requireEnabled();
        requireRole(c.role(), c.unitId(), references);
        String unit = unitOf(c.role(), c.unitId());
        if (c.role() == role && java.util.Objects.equals(unit, unitId)) {
            throw new ConflictException("已是该角色 / the user holds that role already");
        }
        apply(new RoleGranted(username, c.role(), unit, role, unitId));
    }

    @CommandHandler
    void handle(DisableUser c) {
        requireEnabled();
        apply(new UserDisabled(username, c.reason() == null || c.reason().isBlank() ? null : c.reason().strip()));
    }

    @CommandHandler
    void handle(EnableUser c) {
        if (!disabled) {
            throw new ConflictException("用户未停用 / the user is not disabled");
        }
        apply(new UserEnabled(username));
    }

    private void requireEnabled() {
        if (disabled) {
            throw new ConflictException("用户已停用 / the user is disabled");
        }
    }

    private static void requireRole(Role role, String unitId, References references) {
        if (role == null) {
            throw new InvalidInputException("role", "必填 / required");
        }
        if (role == Role.UNIT_STAFF) {
            if (unitId == null || unitId.isBlank()) {
                throw new InvalidInputException("unitId", "单位人员须指定所属单位 / unit staff must belong to a unit");
            }
            references.requireUnit(unitId);
        }
    }

    private static String unitOf(Role role, String unitId) {
        return role == Role.UNIT_STAFF ? unitId : null;
    }

    @EventSourcingHandler
    void on(UserRegistered e) {
        userId = AggregateIds.user(e.username());
        username = e.username();
        role = e.role();
        unitId = e.unitId();
    }

    @EventSourcingHandler
    void on(RoleGranted e) {
        role = e.role();
        unitId = e.unitId();
    }

    @EventSourcingHandler
    void on(UserEnabled e) {
        disabled = false;
    }

    @EventSourcingHandler
    void on(UserDisabled e) {
        disabled = true;
    }
}
