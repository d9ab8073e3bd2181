package cn.duban.kernel.supervision;

import java.time.Instant;
import java.util.List;

/**
 * Open an inspection round of a scheme with its cutoff instant.
 *
 * @param inspectors for a 互查 round (seed 003): the units that inspect each other under the lead
 *                   office; their staff record findings on the other units, which a supervisor
 *                   confirms before they count. Empty: supervisors inspect.
 */
public record OpenInspectionRound(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, InspectionMethod method,
                                  List<String> inspectors) {
    public OpenInspectionRound {
        method = method == null ? InspectionMethod.ANNOUNCED : method;
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }

    /** A round the supervisors inspect. */
    public OpenInspectionRound(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, InspectionMethod method) {
        this(roundId, schemeId, kind, title, cutoff, method, List.of());
    }

    /** An announced round (明查), as every round was before methods. */
    public OpenInspectionRound(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff) {
        this(roundId, schemeId, kind, title, cutoff, InspectionMethod.ANNOUNCED, List.of());
    }
}
