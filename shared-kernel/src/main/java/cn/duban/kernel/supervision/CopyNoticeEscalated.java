package cn.duban.kernel.supervision;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A 抄告单 not answered by its deadline was escalated to the lead office the day after (督办). */
@Revision("1")
public record CopyNoticeEscalated(String noticeId, String toUnitId, LocalDate dueOn, LocalDate escalatedOn) implements SupervisionEvent {
}
