package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** A completed assignment reopened, with its reason. */
@Revision("1")
public record AssignmentReopened(String assignmentId, String reason) implements AssignmentEvent {
}
