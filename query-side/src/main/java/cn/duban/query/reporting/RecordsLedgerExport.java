package cn.duban.query.reporting;

import cn.duban.kernel.people.Role;
import cn.duban.kernel.Words;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.platform.security.CurrentUser;
import cn.duban.platform.security.UserDirectory;
import cn.duban.query.common.ActorNames;
import cn.duban.query.common.Workbooks;
import cn.duban.query.reporting.ReportedRecordsProjection.CampaignStep;
import cn.duban.query.reporting.ReportedRecordsProjection.RecordView;
import cn.duban.query.unit.UnitQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 填报台账 as a workbook: what a unit reported, newest first, one row a record with the words the
 * workbench shows (its kind, what it was, its figures, its files by name, its status and who entered
 * it when), as a unit files its ledger for an inspection or a supervisor takes it away to check.
 * The same records and filters as {@code GET /api/records}, every page of them.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "填报 Reporting")
public class RecordsLedgerExport {
    /** The most rows one workbook holds: several years of the busiest unit, read while the reader waits. */
    static final int MAX_ROWS = 10_000;
    static final String[] HEADER = {"序号", "日期", "类型", "内容", "详情", "材料", "状态", "说明", "填报人", "填报时间"};
    private static final Map<String, String> STATUS_GROUP = Map.of("INFO_REPORT", "infoReportStatus", "APPEAL", "appealStatus",
            "CAMPAIGN", "campaignStatus", "TRAINING", "recordStatus", "ACHIEVEMENT", "recordStatus", "INDICATOR", "recordStatus");

    private final ReportedRecords records;
    private final UnitQueries units;
    private final UserDirectory users;
    private final Clock clock;

    public RecordsLedgerExport(ReportedRecords records, UnitQueries units, UserDirectory users, Clock dubanClock) {
        this.records = records;
        this.units = units;
        this.users = users;
        this.clock = dubanClock;
    }

    @GetMapping("/records/export.xlsx")
    @Operation(summary = "导出填报台账 / a unit's reported records as an Excel workbook, newest first, in words",
            description = "The records GET /api/records lists for the same unitId, kind, status and year, all of them (at most " + MAX_ROWS
                    + "; more → 400 naming year, to be narrowed); withdrawn=false leaves withdrawn records out. Unit staff export their own "
                    + "unit's (unitId may be left out); anyone else names the unit.")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) @Size(max = 64) String unitId,
                                         @RequestParam(required = false) @Pattern(regexp = ReportedRecords.KINDS, message = ReportedRecords.KINDS_MESSAGE) String kind,
                                         @RequestParam(required = false) @Pattern(regexp = ReportedRecords.STATUSES, message = ReportedRecords.STATUSES_MESSAGE) String status,
                                         @Parameter(description = "the year of the day each happened, or of an indicator figure (2000 to 2100)")
                                         @RequestParam(required = false)
                                         @Min(value = ReportedRecords.FIRST_YEAR, message = ReportedRecords.YEAR_RANGE) @Max(value = ReportedRecords.LAST_YEAR, message = ReportedRecords.YEAR_RANGE) Integer year,
                                         @Parameter(description = "whether withdrawn records are listed (marked as such); true unless said")
                                         @RequestParam(defaultValue = "true") boolean withdrawn) throws IOException {
        String unit = unitId != null ? unitId : CurrentUser.get().filter(u -> u.role() == Role.UNIT_STAFF).map(u -> u.unitId())
                .orElseThrow(() -> new InvalidInputException("unitId", "请选择单位 / name the unit"));
        units.requireKnown("unitId", unit);
        List<RecordView> rows = new ArrayList<>();
        for (int offset = 0; ; ) {
            List<RecordView> page = records.list(unit, kind, status, year, offset);
            page.stream().filter(v -> withdrawn || !"WITHDRAWN".equals(v.status)).forEach(rows::add);
            if (rows.size() > MAX_ROWS) {
                throw new InvalidInputException("year", "记录超过 " + MAX_ROWS + " 条，请选择年度或类型 / more than " + MAX_ROWS
                        + " records: choose a year or a kind");
            }
            offset += page.size();
            if (page.size() < ReportedRecords.LIST_LIMIT || offset > ReportedRecords.MAX_OFFSET) {
                break;
            }
        }
        String unitName = units.one(unit).name();
        ActorNames who = new ActorNames(users, units.names());
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(book);
            CellStyle wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            Sheet sheet = book.createSheet("填报台账");
            int[] widths = {6, 12, 10, 36, 40, 30, 10, 36, 16, 17};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(unitName + " 填报台账（" + scope(kind, status, year, withdrawn) + "共 " + rows.size() + " 条，导出于 "
                    + Workbooks.MINUTE.format(clock.instant()) + "）");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(r++), HEADER, bold);
            int n = 0;
            for (RecordView v : rows) {
                Row row = sheet.createRow(r++);
                String[] cells = {String.valueOf(++n), day(v), Words.zh("recordKind", v.kind), what(v), details(v),
                        v.materials.stream().map(m -> m.name()).collect(Collectors.joining("、")),
                        v.status == null ? "" : Words.zh(STATUS_GROUP.getOrDefault(v.kind, "recordStatus"), v.status), note(v, who),
                        who.of(v.recordedBy), v.recordedAt == null ? "" : Workbooks.MINUTE.format(v.recordedAt)};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                    row.getCell(c).setCellStyle(wrapped);
                }
            }
            sheet.createFreezePane(0, 2);
            return Workbooks.attachment(book, unitName + "填报台账" + (year == null ? "" : "-" + year + "年") + ".xlsx", "records.xlsx");
        }
    }

    /** What the workbook holds, as its title says it: the year, kind and status chosen. */
    private static String scope(String kind, String status, Integer year, boolean withdrawn) {
        List<String> parts = new ArrayList<>();
        parts.add(year == null ? "全部年度" : year + "年");
        parts.add(kind == null ? "全部类型" : Words.zh("recordKind", kind));
        if (status != null) {
            parts.add(Words.zh(STATUS_GROUP.getOrDefault(kind == null ? "" : kind, "infoReportStatus"), status));
        }
        if (!withdrawn) {
            parts.add("不含已撤回的");
        }
        return String.join("，", parts) + "，";
    }

    /** The day it happened; an indicator figure, which has only a year, by the day it was reported (as the workbench). */
    private static String day(RecordView v) {
        return v.on != null ? v.on.toString() : v.recordedAt == null ? "" : Workbooks.MINUTE.format(v.recordedAt).substring(0, 10);
    }

    /** Its title in words: an appeal by its item, an indicator figure by its indicator. */
    private static String what(RecordView v) {
        return switch (v.kind) {
            case "APPEAL" -> "申诉 " + (v.itemCode == null ? "" : v.itemCode);
            case "INDICATOR" -> Words.zh("indicator", v.indicator);
            default -> v.title == null || v.title.isBlank() ? "（无标题）" : v.title;
        };
    }

    /** What a clerk checks of it, as the workbench's 填报记录 says it (recordWords.js), a campaign's steps besides. */
    static String details(RecordView v) {
        List<String> parts = new ArrayList<>();
        switch (v.kind) {
            case "TRAINING" -> {
                parts.add(Words.zh("trainingKind", v.trainingKind));
                parts.add(v.audience);
                if (v.attendees != null && v.attendees > 0) {
                    parts.add(v.attendees + "人");
                }
                if (v.hours != null && v.hours.signum() != 0) {
                    parts.add(v.hours.stripTrailingZeros().toPlainString() + "学时");
                }
            }
            case "INFO_REPORT" -> {
                parts.add(v.category);
                parts.add(v.level == null ? null : Words.zh("infoLevel", v.level));
            }
            case "INDICATOR" -> {
                boolean count = Words.codes("countIndicator").contains(v.indicator);
                parts.add(v.year + "年度：" + plain(v.value) + (count ? "" : "%"));
                if (v.numerator != null && v.denominator != null) {
                    parts.add(plain(v.numerator) + "/" + plain(v.denominator));
                }
            }
            case "ACHIEVEMENT" -> {
                parts.add(Words.zh("factKind", v.achievementKind));
                parts.add(v.level == null ? null : Words.zh("achievementLevel", v.level));
            }
            case "CAMPAIGN" -> {
                parts.add(Words.zh("campaignKind", v.campaignKind));
                v.totals.forEach((measure, quantity) -> parts.add(Words.zh("measure", measure) + "：" + plain(quantity)));
                for (CampaignStep step : v.steps) {
                    parts.add("\n进展 " + step.on + " " + Words.zh("measure", step.measure) + " " + plain(step.quantity)
                            + (step.withdrawnAt == null ? "" : "（已撤回：" + step.reason + "）"));
                }
            }
            case "APPEAL" -> parts.add(v.text);
            default -> {
            }
        }
        return parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("，")).replace("，\n", "\n");
    }

    /** Why it stands as it does: who withdrew it, when and why; a rejection's or a decision's reason; a campaign's summary. */
    private static String note(RecordView v, ActorNames who) {
        if ("WITHDRAWN".equals(v.status)) {
            return (v.withdrawnAt == null ? "" : Workbooks.MINUTE.format(v.withdrawnAt) + " ") + "由" + who.of(v.withdrawnBy) + "撤回：" + v.reason;
        }
        if (v.reason != null && !v.reason.isBlank()) {
            return v.reason;
        }
        return "CAMPAIGN".equals(v.kind) && v.text != null ? v.text : "";
    }


    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }
}
