package cn.duban.kernel.supervision;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An inspection round opened; its baseline is the event-store position at the cutoff. */
@Revision("1")
public record InspectionRoundOpened(String roundId, String schemeId, RoundKind kind, String title, Instant cutoff, long baselinePosition) implements SupervisionEvent {
}
