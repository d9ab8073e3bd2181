package cn.duban.kernel.event;

import cn.duban.kernel.unit.InfoLevel;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An information report accepted (录用) by the lead office at a level. */
@Revision("1")
public record InfoReportAccepted(String reportId, String unitId, InfoLevel level, LocalDate submittedOn) implements UnitEvent {
}
