package cn.duban.kernel.reporting;

import java.math.BigDecimal;

/** Report an indicator figure of a unit for a year. */
public record ReportIndicator(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {}
