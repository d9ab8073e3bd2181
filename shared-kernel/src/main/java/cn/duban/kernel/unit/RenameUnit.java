package cn.duban.kernel.unit;

import cn.duban.kernel.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Rename a unit (更名): an institutional reform gave the same unit a new name from {@code on}. It
 * stays the same unit: its facts, scores and assignments carry over. A merger is a retirement.
 */
public record RenameUnit(String unitId, String name, LocalDate on, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.unit(unitId);
    }
}
