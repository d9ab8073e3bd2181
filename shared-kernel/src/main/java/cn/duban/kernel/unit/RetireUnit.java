package cn.duban.kernel.unit;

import cn.duban.kernel.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Retire a unit (撤并): after an institutional reform it is no longer assessed from the year after
 * {@code on}. Its history stays: the years it was assessed still score and rank it.
 */
public record RetireUnit(String unitId, LocalDate on, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.unit(unitId);
    }
}
