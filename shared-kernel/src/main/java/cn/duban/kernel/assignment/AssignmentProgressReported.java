package cn.duban.kernel.assignment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A unit reported progress on an assignment, with figures and links to recorded facts. */
@Revision("1")
public record AssignmentProgressReported(String assignmentId, String unitId, String text, Map<String, BigDecimal> figures, List<FactLink> links) implements AssignmentEvent {
}
