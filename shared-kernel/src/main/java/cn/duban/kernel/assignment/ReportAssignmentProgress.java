package cn.duban.kernel.assignment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report progress on an open assignment. */
public record ReportAssignmentProgress(@TargetAggregateIdentifier String assignmentId, String unitId, String text, Map<String, BigDecimal> figures, List<FactLink> links) {
}
