package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The deadline passed without completion (逾期). */
@Revision("1")
public record AssignmentWentOverdue(String assignmentId, LocalDate deadline) implements AssignmentEvent {
}
