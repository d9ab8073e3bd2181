package cn.duban.kernel.scoring;

import cn.duban.kernel.scheme.SchemeDocument;

import java.time.Instant;
import java.util.Collection;

/**
 * The scoring function: (scheme, facts, instant) → score card. Only facts recorded at or before
 * the instant are seen, in the order given (recording order); the result depends on nothing else.
 */
public final class Scoring {
    private Scoring() {
    }

    public static ScoreCard score(SchemeDocument scheme, int schemeVersion, UnitProfile unit,
                                  Collection<? extends Fact> facts, Instant asOf) {
        return ledgerAsOf(scheme, schemeVersion, unit, facts, asOf).card(asOf);
    }

    /** As {@link #score}, knowing whether the scheme's reporting was closed by {@code asOf} (missing figures 待补报 until then). */
    public static ScoreCard score(SchemeDocument scheme, int schemeVersion, UnitProfile unit,
                                  Collection<? extends Fact> facts, Instant asOf, boolean reportingClosed) {
        return ledgerAsOf(scheme, schemeVersion, unit, facts, asOf).reportingClosed(reportingClosed).card(asOf);
    }

    public static UnitLedger ledgerAsOf(SchemeDocument scheme, int schemeVersion, UnitProfile unit,
                                        Collection<? extends Fact> facts, Instant asOf) {
        UnitLedger ledger = new UnitLedger(scheme, schemeVersion, unit);
        for (Fact f : facts) {
            if (!f.recordedAt().isAfter(asOf)) {
                ledger.record(f);
            }
        }
        return ledger;
    }
}
