package cn.duban.kernel.supervision;

import java.time.Instant;

/** Open an inspection round of a scheme with its cutoff instant. */
public record OpenInspectionRound(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, InspectionMethod method) {
    public OpenInspectionRound {
        method = method == null ? InspectionMethod.ANNOUNCED : method;
    }

    /** An announced round (明查), as every round was before methods. */
    public OpenInspectionRound(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff) {
        this(roundId, schemeId, kind, title, cutoff, InspectionMethod.ANNOUNCED);
    }

}
