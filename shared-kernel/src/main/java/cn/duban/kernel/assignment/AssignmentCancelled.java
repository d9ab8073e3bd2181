package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** An assignment cancelled, with its reason. */
@Revision("1")
public record AssignmentCancelled(String assignmentId, String reason) implements AssignmentEvent {
}
