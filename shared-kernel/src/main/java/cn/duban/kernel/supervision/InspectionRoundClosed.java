package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** An inspection round closed: its figures are final. */
@Revision("1")
public record InspectionRoundClosed(String roundId) implements SupervisionEvent {
}
