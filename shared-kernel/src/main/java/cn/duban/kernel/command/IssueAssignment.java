package cn.duban.kernel.command;

import cn.duban.kernel.assignment.Phase;
import cn.duban.kernel.assignment.ReportingFrequency;
import java.time.LocalDate;
import java.util.List;

/** Issue an assignment to a lead unit and responsible units. */
public record IssueAssignment(String assignmentId, String title, String description, String schemeId, String itemCode, String leadUnit, List<String> responsibleUnits, String target, LocalDate deadline, List<Phase> phases, ReportingFrequency reportingFrequency) {
}
