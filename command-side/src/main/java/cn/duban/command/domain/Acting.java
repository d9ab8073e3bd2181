package cn.duban.command.domain;

import cn.duban.kernel.access.Role;
import cn.duban.kernel.error.ForbiddenException;

/** What the acting user (from the command's metadata) may do to a subject that belongs to a unit. */
final class Acting {
    private Acting() {
    }

    /** Unit staff act only for their own unit; the role rules of the HTTP layer decide the rest. */
    static void requireMayActFor(String unitId, String role, String actorUnit) {
        if (Role.UNIT_STAFF.name().equals(role) && !unitId.equals(actorUnit)) {
            throw new ForbiddenException("只能为本单位操作 / you may act only for your own unit");
        }
    }
}
