package cn.duban.kernel.assignment;

import org.axonframework.serialization.Revision;

/** The lead office accepted the completion (办结). */
@Revision("1")
public record AssignmentCompleted(String assignmentId, String note) implements AssignmentEvent {
}
