package cn.duban.kernel.supervision;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 限期整改 ordered on a finding; {@code dueOn} is fixed here, once, whatever the calendar says later. */
@Revision("1")
public record RectificationOrdered(String rectificationId, String roundId, String findingId, String unitId, String itemCode,
                                   String finding, String requirement, LocalDate orderedOn, Integer workingDays, LocalDate dueOn) implements SupervisionEvent {
}
