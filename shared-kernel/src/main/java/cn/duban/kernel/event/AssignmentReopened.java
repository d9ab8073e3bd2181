package cn.duban.kernel.event;

import org.axonframework.serialization.Revision;

/** A completed assignment reopened, with its reason. */
@Revision("1")
public record AssignmentReopened(String assignmentId, String reason) {
}
