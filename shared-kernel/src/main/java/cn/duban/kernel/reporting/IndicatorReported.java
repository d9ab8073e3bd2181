package cn.duban.kernel.reporting;

import cn.duban.kernel.scheme.Indicators;

import cn.duban.kernel.material.Material;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An indicator figure for a year: a rate in percent or a count ({@link Indicators}), with the files
 * it comes from. Events stored before files existed read with none.
 */
@Revision("1")
public record IndicatorReported(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator,
                                BigDecimal denominator, List<Material> materials) implements ReportingEvent, UnitEvent {
    public IndicatorReported {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A figure with no files. */
    public IndicatorReported(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        this(reportId, unitId, indicator, year, value, numerator, denominator, List.of());
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.IndicatorValue(eventId, recordedAt, indicator(), year(), value()));
    }
}
