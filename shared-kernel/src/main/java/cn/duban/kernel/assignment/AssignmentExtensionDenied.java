package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The lead office denied an extension request, with its reason. */
@Revision("1")
public record AssignmentExtensionDenied(String assignmentId, LocalDate requestedDeadline, String reason) implements AssignmentEvent {
}
