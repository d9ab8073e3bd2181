package cn.duban.kernel.people;

import cn.duban.kernel.error.ForbiddenException;

/**
 * Unit staff act for their own unit only: the one statement of that rule, used where a request names
 * the unit (the command boundary) and where only the subject knows it (a campaign, a rectification).
 * Other roles pass here; what they may do at all is the role rules' business.
 */
public final class UnitScope {
    private UnitScope() {
    }

    /**
     * @param role      the acting user's role, or null when no user acts (the system, the demo)
     * @param actorUnit the unit of unit staff
     * @param unitId    the unit the act is for
     * @throws ForbiddenException when unit staff act for another unit
     */
    public static void requireMayActFor(Role role, String actorUnit, String unitId) {
        if (role == Role.UNIT_STAFF && !unitId.equals(actorUnit)) {
            throw new ForbiddenException("只能为本单位操作 / you may act only for your own unit");
        }
    }

    /** The same, for a role as recorded in a message's metadata (a name, or null). */
    public static void requireMayActFor(String role, String actorUnit, String unitId) {
        requireMayActFor(Role.UNIT_STAFF.name().equals(role) ? Role.UNIT_STAFF : null, actorUnit, unitId);
    }
}
