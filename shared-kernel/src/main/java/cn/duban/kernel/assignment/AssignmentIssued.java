package cn.duban.kernel.assignment;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An assignment (交办任务) issued by the lead office to a lead unit and responsible units.
 * {@code issuedOn} is the 交办 document's date; null in events before it existed: the recording day.
 */
@Revision("1")
public record AssignmentIssued(String assignmentId, String title, String description, String schemeId, String itemCode, String leadUnit, List<String> responsibleUnits, String target, LocalDate deadline, List<Phase> phases, ReportingFrequency reportingFrequency, LocalDate issuedOn) implements AssignmentEvent {
}
