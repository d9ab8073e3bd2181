package cn.duban.kernel.scoring;

import java.time.Instant;
import java.util.Optional;

/**
 * An event about one assessed unit: its facts, decisions on them and assessor records, from whichever
 * slice records them (reporting, assessment, supervision, units). Each member says what it means to
 * the scoring engine ({@link #fact}), so an event that declares itself a unit event without that
 * meaning does not compile, rather than being skipped by the score at run time. The slices' own
 * families ({@code ReportingEvent}, {@code AssessmentEvent}, ...) are sealed; this one cannot be,
 * since a sealed type's members must share its package outside a named module.
 */
public interface UnitEvent {
    String unitId();

    /** What the scoring engine knows of this event, recorded at {@code recordedAt}; empty if it scores nothing. */
    Optional<Fact> fact(String eventId, Instant recordedAt);
}
