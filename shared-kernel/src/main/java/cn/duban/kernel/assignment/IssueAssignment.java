package cn.duban.kernel.assignment;

import java.time.LocalDate;
import java.util.List;

/**
 * Issue an assignment to a lead unit and responsible units. {@code issuedOn}: the date of the
 * 交办 document when it is entered later; reporting periods count from it (default: the day it is recorded).
 */
public record IssueAssignment(String assignmentId, String title, String description, String schemeId, String itemCode, String leadUnit, List<String> responsibleUnits, String target, LocalDate deadline, List<Phase> phases, ReportingFrequency reportingFrequency, LocalDate issuedOn) {
}
