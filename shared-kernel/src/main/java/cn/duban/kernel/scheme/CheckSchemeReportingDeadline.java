package cn.duban.kernel.scheme;

import cn.duban.kernel.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The deadline checker's daily question: has the scheme's reporting deadline passed? Then reporting closes. */
public record CheckSchemeReportingDeadline(String schemeId, LocalDate today) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.scheme(schemeId);
    }
}
