package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

/** An inspection round's results published (通报). */
@Revision("1")
public record InspectionRoundPublished(String roundId) implements SupervisionEvent {
}
