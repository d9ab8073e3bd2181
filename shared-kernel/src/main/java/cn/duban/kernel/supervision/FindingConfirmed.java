package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** A supervisor confirmed a 互查 finding: it stands, and a rectification may be ordered on it. */
@Revision("1")
public record FindingConfirmed(String roundId, String findingId, String unitId, String confirmedBy) implements SupervisionEvent {
}
