package cn.duban.query.assignment;

import cn.duban.kernel.Words;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.assignment.AssignmentQueries.UnitStatistics;
import cn.duban.query.common.Workbooks;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 督办统计 as a workbook for the lead office's report to the district's leaders: each unit's
 * assignments as the page counts them, most overdue first, the figures as numbers a spreadsheet sums,
 * and their totals under them.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "交办任务 Assignments")
public class StatisticsExport {
    static final String[] HEADER = {"单位", "类型", "交办", "签收", "其中按时签收", "办结", "其中按时办结", "办结率", "当前逾期", "曾逾期",
            "平均逾期天数", "延期", "被催办", "漏报"};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DistrictTime.ZONE);
    /** The counts summed in the totals row, in the header's order from 交办 (a rate and an average are not summed). */
    private static final List<Function<UnitStatistics, Integer>> COUNTS = List.of(UnitStatistics::issued, UnitStatistics::acknowledged,
            UnitStatistics::acknowledgedOnTime, UnitStatistics::completed, UnitStatistics::completedOnTime);
    private static final List<Function<UnitStatistics, Integer>> LATER_COUNTS = List.of(UnitStatistics::overdueNow, UnitStatistics::everOverdue);
    private static final List<Function<UnitStatistics, Integer>> LAST_COUNTS = List.of(UnitStatistics::extensions, UnitStatistics::urges,
            UnitStatistics::missedReports);

    private final AssignmentQueries queries;
    private final UnitQueries units;
    private final Clock clock;

    public StatisticsExport(AssignmentQueries queries, UnitQueries units, Clock dubanClock) {
        this.queries = queries;
        this.units = units;
        this.clock = dubanClock;
    }

    @GetMapping("/assignments/statistics.xlsx")
    @Operation(summary = "导出督办统计 / per unit statistics as an Excel workbook, most overdue first, with totals",
            description = "The figures of GET /api/assignments/statistics, of streets or departments where type is given, and of units "
                    + "with assignments only unless all=true.")
    public ResponseEntity<byte[]> export(@Parameter(description = "STREET or DEPARTMENT; every unit where left out")
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
            for (int c = 1; c < HEADER.length; c++) {
                sheet.setColumnWidth(c, 12 * 256);
            }
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue("督办统计（" + (type == null ? "全部单位" : Words.zh("unitType", type.name()))
                    + (all ? "" : "，有交办任务的单位") + "，共 " + rows.size() + " 个，截至 " + MINUTE.format(clock.instant()) + "）");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(r++), HEADER, bold);
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
