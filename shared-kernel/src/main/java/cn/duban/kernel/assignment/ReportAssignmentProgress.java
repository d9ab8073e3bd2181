package cn.duban.kernel.assignment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Report progress on an open assignment. */
public record ReportAssignmentProgress(@TargetAggregateIdentifier String assignmentId, String unitId, String text, Map<String, BigDecimal> figures,
                                       List<FactLink> links, List<String> materials) {
    public ReportAssignmentProgress {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** Progress with no files. */
    public ReportAssignmentProgress(String assignmentId, String unitId, String text, Map<String, BigDecimal> figures, List<FactLink> links) {
        this(assignmentId, unitId, text, figures, links, List.of());
    }

}
