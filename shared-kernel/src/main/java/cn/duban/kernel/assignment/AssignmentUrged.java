package cn.duban.kernel.assignment;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The lead office urged (催办) units on an assignment. */
@Revision("1")
public record AssignmentUrged(String assignmentId, List<String> unitIds, String message) implements AssignmentEvent {
}
