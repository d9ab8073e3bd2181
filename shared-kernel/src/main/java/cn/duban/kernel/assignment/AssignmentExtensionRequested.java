package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A unit asked for a later deadline (延期申请). */
@Revision("1")
public record AssignmentExtensionRequested(String assignmentId, String unitId, LocalDate requestedDeadline, String reason) implements AssignmentEvent {
}
