package cn.duban.kernel.unit;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A unit was retired on {@code on} (撤并, e.g. 区综治办 into 区社会治理中心): schemes of later years no
 * longer assess it; the years up to {@code on} keep it. A scoring fact, so as-of answers before the
 * retirement was recorded still rank the unit.
 */
@Revision("1")
public record UnitRetired(String unitId, LocalDate on, String reason) implements UnitRegistryEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Retirement(eventId, recordedAt, on, reason));
    }
}
