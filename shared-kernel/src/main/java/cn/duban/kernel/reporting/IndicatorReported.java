package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scoring.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An indicator figure (率指标) for a year, in percent. */
@Revision("1")
public record IndicatorReported(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.IndicatorValue(eventId, recordedAt, indicator(), year(), value()));
    }
}
