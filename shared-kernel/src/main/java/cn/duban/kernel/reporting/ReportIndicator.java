package cn.duban.kernel.reporting;

import cn.duban.kernel.material.Material;

import java.math.BigDecimal;
import java.util.List;

/** Report an indicator figure of a unit for a year, with the files it comes from (a statistics table). */
public record ReportIndicator(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator,
                              BigDecimal denominator, List<Material> materials) {
    public ReportIndicator {
        materials = Material.listOf(materials);
    }

    /** A figure with no files. */
    public ReportIndicator(String reportId, String unitId, String indicator, int year, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        this(reportId, unitId, indicator, year, value, numerator, denominator, List.of());
    }
}
