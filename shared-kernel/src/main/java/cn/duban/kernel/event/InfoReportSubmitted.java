package cn.duban.kernel.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An information report (信息材料) submitted by a unit. */
@Revision("1")
public record InfoReportSubmitted(String reportId, String unitId, String title, LocalDate submittedOn) implements UnitEvent {
}
