package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An inspection round opened; its baseline is the event-store position at the cutoff. {@code inspectors}
 * lists the units of a 互查 round; a round opened before 互查 existed reads with none.
 */
@Revision("1")
public record InspectionRoundOpened(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, long baselinePosition,
                                    InspectionMethod method, List<String> inspectors) implements SupervisionEvent {
    public InspectionRoundOpened {
        inspectors = inspectors == null ? List.of() : List.copyOf(inspectors);
    }

    /** A round opened before methods were recorded reads with none: it was announced (明查). */
    public InspectionMethod methodOrAnnounced() {
        return method == null ? InspectionMethod.ANNOUNCED : method;
    }

    /** Whether units inspect each other in this round (互查). */
    public boolean mutual() {
        return !inspectors.isEmpty();
    }

    /** A round the supervisors inspect. */
    public InspectionRoundOpened(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, long baselinePosition,
                                 InspectionMethod method) {
        this(roundId, schemeId, kind, title, cutoff, baselinePosition, method, List.of());
    }

    /** An announced round. */
    public InspectionRoundOpened(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, long baselinePosition) {
        this(roundId, schemeId, kind, title, cutoff, baselinePosition, InspectionMethod.ANNOUNCED, List.of());
    }
}
