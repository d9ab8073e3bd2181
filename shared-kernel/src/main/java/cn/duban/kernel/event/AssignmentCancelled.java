package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** An assignment cancelled, with its reason. */
@Revision("1")
public record AssignmentCancelled(String assignmentId, String reason) {
}
