package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** A unit acknowledged (签收) an assignment. */
@Revision("1")
public record AssignmentAcknowledged(String assignmentId, String unitId) implements AssignmentEvent {
}
