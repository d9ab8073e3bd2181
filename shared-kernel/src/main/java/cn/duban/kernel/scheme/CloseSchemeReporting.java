package cn.duban.kernel.scheme;

import cn.duban.kernel.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close the year's reporting of a scheme, once: figures still missing now deduct. */
public record CloseSchemeReporting(String schemeId, LocalDate closedOn) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.scheme(schemeId);
    }
}
