package cn.duban.kernel.reporting;

import cn.duban.kernel.material.Material;

import java.time.LocalDate;
import java.util.List;

/** Submit an information report for a unit: its title, text (正文), category and attached files. */
public record SubmitInfoReport(String reportId, String unitId, String title, LocalDate submittedOn, String text, String category,
                               List<Material> materials) {
    public SubmitInfoReport {
        materials = Material.listOf(materials);
    }

    /** A report of a title only, as reports were submitted before text and files. */
    public SubmitInfoReport(String reportId, String unitId, String title, LocalDate submittedOn) {
        this(reportId, unitId, title, submittedOn, null, null, List.of());
    }
}
