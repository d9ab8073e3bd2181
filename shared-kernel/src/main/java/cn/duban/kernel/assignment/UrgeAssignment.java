package cn.duban.kernel.assignment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Urge (催办) units of an open assignment; none named: all that have not completed. */
public record UrgeAssignment(@TargetAggregateIdentifier String assignmentId, List<String> unitIds, String message) {
}
