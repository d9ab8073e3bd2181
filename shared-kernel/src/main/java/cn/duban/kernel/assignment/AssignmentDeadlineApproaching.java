package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A reminder: the deadline is near (提醒). */
@Revision("1")
public record AssignmentDeadlineApproaching(String assignmentId, LocalDate deadline, int daysLeft) implements AssignmentEvent {
}
