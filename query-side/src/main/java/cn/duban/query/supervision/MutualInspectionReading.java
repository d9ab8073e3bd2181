package cn.duban.query.supervision;

import cn.duban.platform.security.UnitReading;
import org.springframework.stereotype.Component;

/**
 * 互查 (seed 003: the towns check each other's records): while a round is open, the staff of each of
 * its inspecting units read the records and files of the other units, which their findings cite.
 * Once it is closed they read their own unit's only again.
 */
@Component
class MutualInspectionReading implements UnitReading.Grant {
    private final RoundQueries rounds;

    MutualInspectionReading(RoundQueries rounds) {
        this.rounds = rounds;
    }

    @Override
    public boolean grants(String readerUnit, String unitId) {
        return !readerUnit.equals(unitId) && rounds.all().stream()
                .anyMatch(r -> "OPEN".equals(r.status) && r.inspectors != null && r.inspectors.contains(readerUnit));
    }
}
