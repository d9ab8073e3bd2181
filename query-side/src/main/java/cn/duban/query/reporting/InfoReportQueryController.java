package cn.duban.query.reporting;

import cn.duban.kernel.material.Material;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/** The review queue of information reports (from the read model of records awaiting a decision) and each reported record with its text and files. */
@RestController
@RequestMapping("/api")
@Tag(name = "填报 Reporting")
public class InfoReportQueryController {
    private static final String OFFSET_RANGE = "须在0到" + ReportedRecords.MAX_OFFSET + "之间 / 0 to " + ReportedRecords.MAX_OFFSET;
    private final UnitQueries units;
    private final ReportedRecords records;

    public InfoReportQueryController(UnitQueries units, ReportedRecords records) {
        this.units = units;
        this.records = records;
    }

    @GetMapping("/records/{id}")
    @Operation(summary = "记录详情 / a reported record as reviewers read it: a training or an information report, its text and files")
    public RecordView record(@PathVariable String id) {
        return records.readable(id);
    }

    @GetMapping("/records")
    @Operation(summary = "记录列表 / reported records of a unit, kind (TRAINING, INFO_REPORT, INDICATOR, ACHIEVEMENT, APPEAL, CAMPAIGN) and status, newest first, at most 500",
            description = "Newest first by the time each was recorded; at most 500, from the offset-th newest of those that match "
                    + "(0 to 100000; the next 500 are at offset=500); of one year where year is given. Without unitId, unit staff get their own unit's and others every unit's.")
    public List<RecordView> records(@RequestParam(required = false) @Size(max = 64) String unitId,
                                    @RequestParam(required = false) @Pattern(regexp = ReportedRecords.KINDS, message = ReportedRecords.KINDS_MESSAGE) String kind,
                                    @RequestParam(required = false) @Pattern(regexp = ReportedRecords.STATUSES, message = ReportedRecords.STATUSES_MESSAGE) String status,
                                    @Parameter(description = "the year of the day each happened, or of an indicator figure (2000 to 2100); an appeal is of no year")
                                    @RequestParam(required = false)
                                    @Min(value = ReportedRecords.FIRST_YEAR, message = ReportedRecords.YEAR_RANGE) @Max(value = ReportedRecords.LAST_YEAR, message = ReportedRecords.YEAR_RANGE) Integer year,
                                    @Parameter(description = "records to skip, newest first (0 to 100000)") @RequestParam(defaultValue = "0")
                                    @Min(value = 0, message = OFFSET_RANGE) @Max(value = ReportedRecords.MAX_OFFSET, message = OFFSET_RANGE) int offset) {
        units.requireKnown("unitId", unitId);
        return records.list(unitId, kind, status, year, offset);
    }

    /** A report waiting for review, with what the reviewer reads before deciding: title, text, category, files. */
    public record PendingReport(String reportId, String unitId, String unitName, LocalDate submittedOn, Instant recordedAt,
                                String submittedBy, String eventId, String title, String text, String category, List<Material> materials) {
    }

    @GetMapping("/info-reports/pending")
    @Operation(summary = "待审核信息 / information reports submitted and not yet accepted or rejected, oldest first")
    public List<PendingReport> pendingReports() {
        Map<String, String> names = new LinkedHashMap<>();
        units.all().forEach(u -> names.put(u.id(), u.name()));
        // From the read model of what waits (a few records), not every unit's whole fact log.
        return records.awaitingDecision("INFO_REPORT").stream()
                .map(r -> new PendingReport(r.id, r.unitId, names.get(r.unitId), r.on, r.recordedAt, r.recordedBy,
                        r.eventIds.isEmpty() ? null : r.eventIds.get(0), r.title, r.text, r.category, r.materials))
                .toList();
    }
}
