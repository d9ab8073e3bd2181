package cn.duban.kernel.assignment;

import cn.duban.kernel.material.Material;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The lead unit asked for the assignment to be closed (办结申请), with its files (办结材料). */
@Revision("1")
public record AssignmentCompletionSubmitted(String assignmentId, String unitId, String note, List<Material> materials) implements AssignmentEvent {
    public AssignmentCompletionSubmitted {
        // Recorded before completions carried files: none.
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A completion with no files. */
    public AssignmentCompletionSubmitted(String assignmentId, String unitId, String note) {
        this(assignmentId, unitId, note, List.of());
    }
}
