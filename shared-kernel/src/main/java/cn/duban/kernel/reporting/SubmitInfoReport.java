package cn.duban.kernel.reporting;

import java.time.LocalDate;

/** Submit an information report for a unit. */
public record SubmitInfoReport(String reportId, String unitId, String title, LocalDate submittedOn) {}
