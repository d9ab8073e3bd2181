package cn.duban.platform.security;

import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.people.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whose records and files the user of a request may read. Everyone but unit staff reads every
 * unit's; unit staff read their own unit's, and another's only where a feature grants it (a 互查
 * round their unit inspects in, while it is open). Where no feature is present (a command-side
 * process, which has no read models) staff read their own unit's only.
 */
@Component
public class UnitReading {
    /** A feature's grant to a unit's staff of reading another unit's records and files. */
    public interface Grant {
        boolean grants(String readerUnit, String unitId);
    }

    private final ObjectProvider<Grant> grants;

    public UnitReading(ObjectProvider<Grant> grants) {
        this.grants = grants;
    }

    /**
     * Whether this user may read a unit's own dealings with the lead office: its notifications (urges,
     * returned completions with their reasons) and its to-do list. Everyone but unit staff, and the
     * unit's own staff; no 互查 grant reaches these, which are no records.
     */
    public boolean mayReadDealings(DubanPrincipal user, String unitId) {
        return user.role() != Role.UNIT_STAFF || user.unitId().equals(unitId);
    }

    /** Whether this user may read the unit's records and files now. */
    public boolean mayRead(DubanPrincipal user, String unitId) {
        if (mayReadDealings(user, unitId)) {
            return true;
        }
        return grants.orderedStream().anyMatch(g -> g.grants(user.unitId(), unitId));
    }

    /**
     * Refuses the user of this request a unit's records, files or fact log unless {@link #mayRead} lets
     * them: the records list, a record, its evidence in words, the fact log and a raw evidence event all
     * ask here, so that no one of them shows unit staff what another refuses.
     */
    public void requireMayRead(String unitId) {
        CurrentUser.get().filter(u -> !mayRead(u, unitId)).ifPresent(u -> {
            throw new ForbiddenException("只能查看本单位及本单位正在互查的单位的记录 / unit staff read their own unit's records, "
                    + "and those of the units they inspect in an open 互查 round");
        });
    }
}
