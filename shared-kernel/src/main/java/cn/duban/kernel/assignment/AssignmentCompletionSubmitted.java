package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** The lead unit asked for the assignment to be closed (办结申请). */
@Revision("1")
public record AssignmentCompletionSubmitted(String assignmentId, String unitId, String note) implements AssignmentEvent {
}
