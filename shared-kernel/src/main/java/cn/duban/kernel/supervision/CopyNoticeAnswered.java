package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The addressed unit answered a 抄告单. */
@Revision("1")
public record CopyNoticeAnswered(String noticeId, String toUnitId, String text, LocalDate answeredOn) implements SupervisionEvent {
}
