package cn.duban.kernel.assignment;

import cn.duban.kernel.material.Material;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A unit reported progress on an assignment, with figures and links to recorded facts. */
@Revision("1")
public record AssignmentProgressReported(String assignmentId, String unitId, String text, Map<String, BigDecimal> figures, List<FactLink> links,
                                         List<Material> materials) implements AssignmentEvent {
    public AssignmentProgressReported {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** Progress with no files, as all was before materials. */
    public AssignmentProgressReported(String assignmentId, String unitId, String text, Map<String, BigDecimal> figures, List<FactLink> links) {
        this(assignmentId, unitId, text, figures, links, List.of());
    }

}
