package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.material.Material;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An information report (信息材料) submitted by a unit, with its text, category and files; reports
 * stored before those existed read with none.
 */
@Revision("1")
public record InfoReportSubmitted(String reportId, String unitId, String title, LocalDate submittedOn, String text, String category,
                                  List<Material> materials) implements ReportingEvent, UnitEvent {
    public InfoReportSubmitted {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A report of a title only. */
    public InfoReportSubmitted(String reportId, String unitId, String title, LocalDate submittedOn) {
        this(reportId, unitId, title, submittedOn, null, null, List.of());
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.INFO_SUBMITTED, null, submittedOn(), Map.of(), reportId()));
    }
}
