package cn.duban.kernel.supervision;

import java.time.Instant;

/** Open an inspection round of a scheme with its cutoff instant. */
public record OpenInspectionRound(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff) {
}
