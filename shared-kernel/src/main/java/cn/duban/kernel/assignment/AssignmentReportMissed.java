package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A unit let a reporting period pass without a progress report. */
@Revision("1")
public record AssignmentReportMissed(String assignmentId, String unitId, LocalDate periodStart, LocalDate periodEnd) implements AssignmentEvent {
}
