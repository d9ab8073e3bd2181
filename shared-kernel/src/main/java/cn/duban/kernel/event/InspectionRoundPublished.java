package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** An inspection round's results published (通报). */
@Revision("1")
public record InspectionRoundPublished(String roundId) {
}
