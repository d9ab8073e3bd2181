package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A 抄告单 was sent; the addressed unit answers by {@code dueOn} (20 working days on the district calendar). */
@Revision("1")
public record CopyNoticeSent(String noticeId, String fromUnitId, String toUnitId, String subject, String text, LocalDate sentOn,
                             LocalDate dueOn) implements SupervisionEvent {
}
