package cn.duban.query.audit;

import cn.duban.kernel.EventFamily;
import cn.duban.kernel.Words;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.platform.security.UserDirectory;
import cn.duban.query.audit.AuditQueries.Act;
import cn.duban.query.common.ActorNames;
import cn.duban.query.common.Workbooks;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.unit.UnitQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 操作留痕 as a workbook a supervision team files: one person's acts over a stretch of time, each
 * in words (the act, what it concerns, the role, the address), as the workbench lists them.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "操作留痕 Audit trail")
public class AuditExportController {
    /** The most rows one workbook holds: a year of a busy account, read and looked up while the reader waits. */
    static final int MAX_ROWS = 10_000;
    static final String[] HEADER = {"时间", "操作", "涉及", "身份", "来源地址"};

    private final AuditQueries audit;
    private final UnitQueries units;
    private final SchemeQueries schemes;
    private final UserDirectory users;

    public AuditExportController(AuditQueries audit, UnitQueries units, SchemeQueries schemes, UserDirectory users) {
        this.audit = audit;
        this.units = units;
        this.schemes = schemes;
        this.users = users;
    }

    @GetMapping(path = "/actors/{actor}/acts.xlsx")
    @Operation(summary = "导出操作留痕 / a person's acts as an Excel workbook, newest first, in words",
            description = "from (inclusive) and to (exclusive) are instants, either left open. At most " + MAX_ROWS
                    + " acts: a stretch holding more → 400 naming from, to be narrowed.")
    public ResponseEntity<byte[]> export(@PathVariable String actor,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                         @Parameter(description = "only acts of this kind, as …/acts takes it") @RequestParam(required = false) EventFamily kind)
            throws IOException {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidInputException("to", "须晚于 from / must be after from");
        }
        audit.requireKnown(actor);
        AuditQueries.Stretch stretch = kind == null ? audit.between(actor, from, to, MAX_ROWS) : audit.between(actor, from, to, MAX_ROWS, kind);
        if (stretch.count() > MAX_ROWS) {
            throw new InvalidInputException("from", "该时段有 " + stretch.count() + " 项操作，超过 " + MAX_ROWS + " 项，请缩小日期范围 / "
                    + stretch.count() + " acts, more than " + MAX_ROWS + ": narrow the dates");
        }
        Map<String, String> unitNames = units.names();
        ActorNames who = new ActorNames(users, unitNames);
        Map<String, Integer> schemeYears = new HashMap<>();
        schemes.all().forEach(sc -> schemeYears.put(sc.id(), sc.year()));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(book);
            Sheet sheet = book.createSheet("操作留痕");
            sheet.setColumnWidth(0, 18 * 256);
            sheet.setColumnWidth(1, 16 * 256);
            sheet.setColumnWidth(2, 60 * 256);
            sheet.setColumnWidth(3, 14 * 256);
            sheet.setColumnWidth(4, 18 * 256);
            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(who.of(actor) + " 操作留痕（" + (from == null ? "开始" : Workbooks.MINUTE.format(from)) + " 至 "
                    + (to == null ? "导出时" : Workbooks.MINUTE.format(to)) + (kind == null ? "" : "，" + Words.zh("eventFamily", kind.name()))
                    + "，共 " + stretch.count() + " 项）");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(r++), HEADER, bold);
            for (Act act : stretch.acts()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(Workbooks.MINUTE.format(act.at()));
                row.createCell(1).setCellValue(Words.zh("eventType", act.type()));
                row.createCell(2).setCellValue(concerning(act, unitNames, schemeYears));
                row.createCell(3).setCellValue(act.role() == null ? "" : Words.zh("actingRole", act.role()));
                row.createCell(4).setCellValue(act.local() ? "本机" : act.clientAddress() == null ? "" : act.clientAddress());
            }
            return Workbooks.attachment(book, "操作留痕-" + who.of(actor) + ".xlsx", "audit.xlsx");
        }
    }


    /** What an act concerns, in words, as the workbench's 涉及 column reads. */
    private String concerning(Act act, Map<String, String> unitNames, Map<String, Integer> schemeYears) {
        List<String> parts = new ArrayList<>();
        if (act.unitId() != null) {
            parts.add(unitNames.getOrDefault(act.unitId(), act.unitId()));
        }
        if (act.schemeId() != null) {
            Integer year = schemeYears.get(act.schemeId());
            parts.add(year == null ? act.schemeId() : year + "年度考核方案");
        }
        if (act.subject() != null) {
            // A title with quotes of its own takes single ones inside the outer pair, as the workbench shows it.
            parts.add("“" + act.subject().replace('“', '‘').replace('”', '’') + "”");
        }
        if (act.account() != null) {
            parts.add(users.find(act.account()).map(UserDirectory.UserView::displayName).orElse(act.account()));
        }
        return String.join(" · ", parts);
    }
}
