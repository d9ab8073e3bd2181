package cn.duban.kernel.assignment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for the assignment to be closed (lead unit), with the files that show it done (办结材料: a summary, tables, photos). */
public record SubmitAssignmentCompletion(@TargetAggregateIdentifier String assignmentId, String unitId, String note, List<String> materials) {
    public SubmitAssignmentCompletion {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A completion with no files. */
    public SubmitAssignmentCompletion(String assignmentId, String unitId, String note) {
        this(assignmentId, unitId, note, List.of());
    }
}
