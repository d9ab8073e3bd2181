package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The lead office granted an extension; the earlier deadline stays on record. */
@Revision("1")
public record AssignmentExtensionGranted(String assignmentId, LocalDate previousDeadline, LocalDate newDeadline) implements AssignmentEvent {
}
