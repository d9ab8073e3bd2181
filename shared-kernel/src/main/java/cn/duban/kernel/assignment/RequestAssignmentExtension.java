package cn.duban.kernel.assignment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask for a later deadline. */
public record RequestAssignmentExtension(@TargetAggregateIdentifier String assignmentId, String unitId, LocalDate requestedDeadline, String reason) {
}
