package cn.duban.kernel.supervision;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An inspection round opened; its baseline is the event-store position at the cutoff. */
@Revision("1")
public record InspectionRoundOpened(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, long baselinePosition,
                                    InspectionMethod method) implements SupervisionEvent {
    /** A round opened before methods were recorded reads with none: it was announced (明查). */
    public InspectionMethod methodOrAnnounced() {
        return method == null ? InspectionMethod.ANNOUNCED : method;
    }

    /** An announced round. */
    public InspectionRoundOpened(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, long baselinePosition) {
        this(roundId, schemeId, kind, title, cutoff, baselinePosition, InspectionMethod.ANNOUNCED);
    }

}
