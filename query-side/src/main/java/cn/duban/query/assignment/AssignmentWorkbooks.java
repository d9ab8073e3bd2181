package cn.duban.query.assignment;

import cn.duban.kernel.Words;
import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.assignment.AssignmentQueries.BoardRow;
import cn.duban.query.assignment.AssignmentQueries.UnitStatistics;
import cn.duban.query.common.Workbooks;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 交办督办 as the lead office hands it on, as workbooks: 督办事项清单, the board as filtered, for a
 * 督办 meeting's papers or a leader's desk; and 督办统计, each unit's handling of its assignments,
 * for the report to the district's leaders.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "交办任务 Assignments")
public class AssignmentWorkbooks {
    static final String[] BOARD_HEADER = {"序号", "任务", "牵头单位", "责任单位", "原定期限", "截止日期", "状态", "亮灯", "签收", "逾期天数", "催办", "漏报",
            "申请延期至"};

    static final String[] STATISTICS_HEADER = {"单位", "类型", "交办", "签收", "其中按时签收", "办结", "其中按时办结", "办结率", "当前逾期", "曾逾期",
            "平均逾期天数", "延期", "被催办", "漏报"};
    /** The counts summed in the totals row, in the header's order from 交办 (a rate and an average are not summed). */
    private static final List<Function<UnitStatistics, Integer>> COUNTS = List.of(UnitStatistics::issued, UnitStatistics::acknowledged,
            UnitStatistics::acknowledgedOnTime, UnitStatistics::completed, UnitStatistics::completedOnTime);
    private static final List<Function<UnitStatistics, Integer>> LATER_COUNTS = List.of(UnitStatistics::overdueNow, UnitStatistics::everOverdue);
    private static final List<Function<UnitStatistics, Integer>> LAST_COUNTS = List.of(UnitStatistics::extensions, UnitStatistics::urges,
            UnitStatistics::missedReports);

    private final AssignmentQueries queries;
    private final UnitQueries units;
    private final Clock clock;

    public AssignmentWorkbooks(AssignmentQueries queries, UnitQueries units, Clock dubanClock) {
        this.queries = queries;
        this.units = units;
        this.clock = dubanClock;
    }

    @GetMapping("/assignments/export.xlsx")
    @Operation(summary = "导出督办事项清单 / the board as an Excel workbook, most urgent first, in words",
            description = "The rows GET /api/assignments answers for the same unit, status, item, overdue and light; extension=true keeps "
                    + "only those whose extension waits for a decision.")
    public ResponseEntity<byte[]> board(@RequestParam(required = false) @Size(max = 64) String unit,
                                         @RequestParam(required = false) AssignmentStatus status,
                                         @RequestParam(required = false) @Size(max = 64) String item,
                                         @RequestParam(required = false) Boolean overdue,
                                         @RequestParam(required = false) Light light,
                                         @Parameter(description = "only those whose extension waits for a decision")
                                         @RequestParam(defaultValue = "false") boolean extension) throws IOException {
        units.requireKnown("unit", unit);
        List<BoardRow> rows = queries.board(unit, status == null ? null : status.name(), item, overdue, light == null ? null : light.name())
                .stream().filter(r -> !extension || r.pendingExtension() != null).toList();
        Map<String, String> names = units.names();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(book);
            CellStyle wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
            Sheet sheet = book.createSheet("督办事项清单");
            int[] widths = {6, 36, 16, 30, 12, 12, 12, 12, 8, 10, 8, 8, 12};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue("督办事项清单（" + scope(unit, status, item, overdue, light, extension, names) + "共 " + rows.size()
                    + " 项，截至 " + Workbooks.MINUTE.format(clock.instant()) + "）");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(r++), BOARD_HEADER, bold);
            int n = 0;
            for (BoardRow b : rows) {
                Row row = sheet.createRow(r++);
                String[] cells = {String.valueOf(++n), b.title(), names.getOrDefault(b.leadUnit(), b.leadUnit()),
                        b.responsibleUnits().isEmpty() ? "仅牵头单位"
                                : b.responsibleUnits().stream().map(u -> names.getOrDefault(u, u)).collect(Collectors.joining("、")),
                        b.originalDeadline() == null ? "" : b.originalDeadline().toString(), b.deadline() == null ? "" : b.deadline().toString(),
                        Words.zh("assignmentStatus", b.status()), Words.zh("light", b.light()), b.acknowledged() + "/" + b.units(),
                        b.daysLate() > 0 ? String.valueOf(b.daysLate()) : "", String.valueOf(b.urges()), String.valueOf(b.missedReports()),
                        b.pendingExtension() == null ? "" : b.pendingExtension().toString()};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                    row.getCell(c).setCellStyle(wrapped);
                }
            }
            sheet.createFreezePane(2, 2);
            return Workbooks.attachment(book, "督办事项清单.xlsx", "assignments.xlsx");
        }
    }

    /** The filters chosen, as the title says them. */
    private static String scope(String unit, AssignmentStatus status, String item, Boolean overdue, Light light, boolean extension,
                                Map<String, String> names) {
        List<String> parts = new ArrayList<>();
        if (unit != null) {
            parts.add(names.getOrDefault(unit, unit));
        }
        if (status != null) {
            parts.add(Words.zh("assignmentStatus", status.name()));
        }
        if (item != null) {
            parts.add("考核项目 " + item);
        }
        if (overdue != null) {
            parts.add(overdue ? "逾期的" : "未逾期的");
        }
        if (light != null) {
            parts.add("亮灯：" + Words.zh("light", light.name()));
        }
        if (extension) {
            parts.add("延期待审批的");
        }
        return parts.isEmpty() ? "全部，" : String.join("，", parts) + "，";
    }

    @GetMapping("/assignments/statistics.xlsx")
    @Operation(summary = "导出督办统计 / per unit statistics as an Excel workbook, most overdue first, with totals",
            description = "The figures of GET /api/assignments/statistics, of streets or departments where type is given, and of units "
                    + "with assignments only unless all=true.")
    public ResponseEntity<byte[]> statistics(@Parameter(description = "STREET or DEPARTMENT; every unit where left out")
                                         @RequestParam(required = false) UnitType type,
                                         @Parameter(description = "units with no assignment too") @RequestParam(defaultValue = "false") boolean all)
            throws IOException {
        Map<String, UnitType> types = units.all().stream().collect(Collectors.toMap(UnitView::id, UnitView::type, (a, b) -> a));
        List<UnitStatistics> rows = queries.statistics().stream()
                .filter(s -> type == null || type == types.get(s.unitId()))
                .filter(s -> all || s.issued() > 0)
                .sorted(Comparator.comparingInt(UnitStatistics::overdueNow).reversed())
                .toList();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(book);
            Sheet sheet = book.createSheet("督办统计");
            sheet.setColumnWidth(0, 24 * 256);
            for (int c = 1; c < STATISTICS_HEADER.length; c++) {
                sheet.setColumnWidth(c, 12 * 256);
            }
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue("督办统计（" + (type == null ? "全部单位" : Words.zh("unitType", type.name()))
                    + (all ? "" : "，有交办任务的单位") + "，共 " + rows.size() + " 个，截至 " + Workbooks.MINUTE.format(clock.instant()) + "）");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(r++), STATISTICS_HEADER, bold);
            for (UnitStatistics s : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(s.name());
                UnitType unitType = types.get(s.unitId());
                row.createCell(1).setCellValue(unitType == null ? "" : Words.zh("unitType", unitType.name()));
                figures(row, COUNTS.stream().map(f -> f.apply(s)).toList(), s.issued() == 0 ? null : rate(s.completed(), s.issued()),
                        LATER_COUNTS.stream().map(f -> f.apply(s)).toList(), s.averageDaysLate(), LAST_COUNTS.stream().map(f -> f.apply(s)).toList());
            }
            Row totals = sheet.createRow(r);
            totals.createCell(0).setCellValue("合计");
            totals.getCell(0).setCellStyle(bold);
            int issued = rows.stream().mapToInt(UnitStatistics::issued).sum();
            int completed = rows.stream().mapToInt(UnitStatistics::completed).sum();
            figures(totals, sum(rows, COUNTS), issued == 0 ? null : rate(completed, issued), sum(rows, LATER_COUNTS), null, sum(rows, LAST_COUNTS));
            sheet.createFreezePane(1, 2);
            return Workbooks.attachment(book, "督办统计" + (type == null ? "" : "-" + Words.zh("unitType", type.name())) + ".xlsx", "statistics.xlsx");
        }
    }

    /** The figures from 交办 on, as numbers: a rate or an average left empty where there is none. */
    private static void figures(Row row, List<Integer> counts, Double completionRate, List<Integer> overdue, Double averageDaysLate,
                                List<Integer> rest) {
        int c = 2;
        for (int n : counts) {
            row.createCell(c++).setCellValue(n);
        }
        if (completionRate == null) {
            row.createCell(c++).setCellValue("—");
        } else {
            row.createCell(c++).setCellValue(java.math.BigDecimal.valueOf(completionRate).stripTrailingZeros().toPlainString() + "%");
        }
        for (int n : overdue) {
            row.createCell(c++).setCellValue(n);
        }
        if (averageDaysLate == null) {
            row.createCell(c++).setCellValue("");
        } else {
            row.createCell(c++).setCellValue(averageDaysLate);
        }
        for (int n : rest) {
            row.createCell(c++).setCellValue(n);
        }
    }

    /** Completed of issued, in percent to one place, as the page rounds it. */
    static double rate(int completed, int issued) {
        return Math.round(completed * 1000.0 / issued) / 10.0;
    }

    private static List<Integer> sum(List<UnitStatistics> rows, List<Function<UnitStatistics, Integer>> figures) {
        return figures.stream().map(f -> rows.stream().mapToInt(f::apply).sum()).toList();
    }
}
