package cn.duban.query.assignment;

import cn.duban.kernel.Words;
import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.query.assignment.AssignmentQueries.BoardRow;
import cn.duban.query.common.Workbooks;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 交办督办 as a workbook, 督办事项清单: the board as the lead office filtered it, most urgent first, a
 * row an assignment with its units, deadlines, status and light in words, for a 督办 meeting's
 * papers or a leader's desk.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "交办任务 Assignments")
public class BoardExport {
    static final String[] HEADER = {"序号", "任务", "牵头单位", "责任单位", "原定期限", "截止日期", "状态", "亮灯", "签收", "逾期天数", "催办", "漏报",
            "申请延期至"};
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(DistrictTime.ZONE);

    private final AssignmentQueries queries;
    private final UnitQueries units;
    private final Clock clock;

    public BoardExport(AssignmentQueries queries, UnitQueries units, Clock dubanClock) {
        this.queries = queries;
        this.units = units;
        this.clock = dubanClock;
    }

    @GetMapping("/assignments/export.xlsx")
    @Operation(summary = "导出督办事项清单 / the board as an Excel workbook, most urgent first, in words",
            description = "The rows GET /api/assignments answers for the same unit, status, item, overdue and light; extension=true keeps "
                    + "only those whose extension waits for a decision.")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) @Size(max = 64) String unit,
                                         @RequestParam(required = false) AssignmentStatus status,
                                         @RequestParam(required = false) @Size(max = 64) String item,
                                         @RequestParam(required = false) Boolean overdue,
                                         @RequestParam(required = false) Light light,
                                         @Parameter(description = "only those whose extension waits for a decision")
                                         @RequestParam(defaultValue = "false") boolean extension) throws IOException {
        units.requireKnown("unit", unit);
        List<BoardRow> rows = queries.board(unit, status == null ? null : status.name(), item, overdue, light == null ? null : light.name())
                .stream().filter(r -> !extension || r.pendingExtension() != null).toList();
        Map<String, String> names = units.all().stream().collect(Collectors.toMap(UnitView::id, UnitView::name, (a, b) -> a));
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
                    + " 项，截至 " + MINUTE.format(clock.instant()) + "）");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(r++), HEADER, bold);
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
}
