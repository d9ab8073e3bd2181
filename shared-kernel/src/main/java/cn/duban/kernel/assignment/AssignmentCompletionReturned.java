package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** The lead office returned a completion request, with its reason. */
@Revision("1")
public record AssignmentCompletionReturned(String assignmentId, String reason) implements AssignmentEvent {
}
