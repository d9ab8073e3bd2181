package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** A unit acknowledged (签收) an assignment. */
@Revision("1")
public record AssignmentAcknowledged(String assignmentId, String unitId) {
}
