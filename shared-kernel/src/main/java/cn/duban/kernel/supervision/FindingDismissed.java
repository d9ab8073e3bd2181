package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** A supervisor dismissed a 互查 finding, with the reason; it counts for nothing. */
@Revision("1")
public record FindingDismissed(String roundId, String findingId, String unitId, String reason, String dismissedBy) implements SupervisionEvent {
}
