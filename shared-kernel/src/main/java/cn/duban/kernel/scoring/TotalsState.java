package cn.duban.kernel.scoring;

import cn.duban.kernel.scheme.FactKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a ledger kept for totals ({@link UnitLedger#forTotals}) holds, as plain values to be stored
 * and read back ({@link UnitLedger#totalsState}, {@link UnitLedger#fromTotalsState}): counts and
 * sums, the latest figure of each indicator and year, the assessor's and the unit's own records,
 * the accepted reports' ids, and the disqualifications foreseen and met. A projection that stores
 * it folds only the facts after it at its next start, not a unit's whole log.
 *
 * @param tallies one per fact kind counted, and one per kind and set of levels a rule counts ({@code levels} null for the kind's)
 */
public record TotalsState(List<Tally> tallies, List<Fact.IndicatorValue> figures, List<Fact.Failure> failures,
                          List<Fact.Adjustment> adjustments, List<Fact.SelfAssessment> selfAssessments, List<ItemAppeals> appeals,
                          List<String> acceptedReports, List<Fact.Disqualification> foreseen, List<Fact.Disqualification> disqualified,
                          LocalDate retiredOn) {

    public record Tally(FactKind kind, List<String> levels, int count, Map<String, Integer> byLevel, Map<String, BigDecimal> sums) {
    }

    public record ItemAppeals(String itemCode, List<AppealNote> appeals) {
    }
}
