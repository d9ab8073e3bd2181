package cn.duban.kernel.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An information report rejected (退回) by the lead office, with its reason. */
@Revision("1")
public record InfoReportRejected(String reportId, String unitId, String reason, LocalDate submittedOn) implements UnitEvent {
}
