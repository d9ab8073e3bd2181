package cn.duban.query.assessment;

import cn.duban.kernel.scoring.ItemScore;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.supervision.RoundQueries;
import cn.duban.query.supervision.RoundsProjection.RoundView;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring tables as a district files them: one sheet per unit type (附件1 街道, 附件2 部门), for
 * each unit its rows 考核内容 / 分值 / 评分标准 / 自查分 / 考核分 and a total, as of any instant or a
 * round's cutoff. What the unit said of its own score (自查说明) comes last, after the columns the
 * district's tables have, so those stay where they were.
 */
@RestController
@RequestMapping("/api/schemes")
@Tag(name = "评分 Scores")
public class ExcelExportController {
    public static final String XLSX = cn.duban.query.common.Workbooks.XLSX;
    static final java.time.format.DateTimeFormatter AS_OF = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(cn.duban.kernel.calendar.DistrictTime.ZONE);
    static final String[] HEADER = {"项目编号", "考核类别", "考核内容", "分值", "评分标准", "自查分", "考核分", "自查说明"};
    private final ScoreQueries scores;
    private final RoundQueries rounds;

    private final java.time.Clock clock;

    public ExcelExportController(ScoreQueries scores, RoundQueries rounds, java.time.Clock dubanClock) {
        this.clock = dubanClock;
        this.scores = scores;
        this.rounds = rounds;
    }

    @GetMapping(path = "/{schemeId}/export.xlsx")
    @Operation(summary = "导出考核表 / the scoring tables as an Excel workbook, as of an instant or a round's baseline")
    public ResponseEntity<byte[]> export(@PathVariable String schemeId,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                         @RequestParam(required = false) String round) throws IOException {
        var scheme = scores.scheme(schemeId);
        RoundView roundView = round == null ? null : rounds.view(round);
        Instant at = roundView != null ? roundView.cutoff : asOf == null ? clock.instant() : asOf;
        Map<String, String> standards = new HashMap<>();
        scheme.versionAt(at).ifPresent(v -> v.document().items().forEach(i -> standards.put(i.code(), i.standard())));
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = cn.duban.query.common.Workbooks.bold(book);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            // Every unit's card without its evidence (the workbook prints scores, not what explains them):
            // from the checkpoints kept for totals, not each unit's whole log folded with its evidence.
            List<UnitView> units = scores.units();
            List<ScoreCard> cards = roundView != null
                    ? scores.baselineCardsWithoutEvidence(units, roundView.schemeId, roundView.cutoff, roundView.baselinePosition)
                    : scores.cardsWithoutEvidence(units, schemeId, at);
            for (UnitType type : UnitType.values()) {
                Sheet sheet = book.createSheet(type == UnitType.STREET ? "街道（附件1）" : "部门（附件2）");
                sheet.setColumnWidth(2, 20 * 256);
                sheet.setColumnWidth(4, 60 * 256);
                sheet.setColumnWidth(7, 30 * 256);
                int r = 0;
                for (int u = 0; u < units.size(); u++) {
                    UnitView unit = units.get(u);
                    ScoreCard card = cards.get(u);
                    if (unit.type() != type) {
                        continue;
                    }
                    if (card.items().isEmpty()) {
                        continue;
                    }
                    Row title = sheet.createRow(r++);
                    // As the district reads it: the unit by the name it had then, the instant in Beijing time to the minute.
                    title.createCell(0).setCellValue(unit.nameAt(at));
                    title.getCell(0).setCellStyle(bold);
                    title.createCell(2).setCellValue(scheme.title() + "，截至 " + AS_OF.format(at) + (roundView == null ? "" : "，" + roundView.title));
                    Row header = sheet.createRow(r++);
                    cn.duban.query.common.Workbooks.header(header, HEADER, bold);
                    for (ItemScore item : card.items()) {
                        Row row = sheet.createRow(r++);
                        row.createCell(0).setCellValue(item.code());
                        row.createCell(1).setCellValue(item.category() == null ? "" : item.category());
                        row.createCell(2).setCellValue(item.title());
                        if (item.max() != null) {
                            row.createCell(3).setCellValue(item.max().doubleValue());
                        } else {
                            row.createCell(3).setCellValue("加分项");
                        }
                        row.createCell(4).setCellValue(standards.getOrDefault(item.code(), ""));
                        row.getCell(4).setCellStyle(wrap);
                        if (item.selfScore() != null) {
                            row.createCell(5).setCellValue(item.selfScore().doubleValue());
                        }
                        row.createCell(6).setCellValue(item.score().doubleValue());
                        if (item.selfNote() != null && !item.selfNote().isBlank()) {
                            row.createCell(7).setCellValue(item.selfNote());
                            row.getCell(7).setCellStyle(wrap);
                        }
                    }
                    Row total = sheet.createRow(r++);
                    total.createCell(0).setCellValue("合计");
                    total.getCell(0).setCellStyle(bold);
                    total.createCell(3).setCellValue(card.items().stream().filter(i -> !i.bonus() && i.max() != null)
                            .map(ItemScore::max).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
                    total.createCell(6).setCellValue(card.total().doubleValue());
                    r++;
                }
            }
            String name = schemeId + (roundView != null ? "-" + roundView.id : "") + ".xlsx";
            return cn.duban.query.common.Workbooks.attachment(book, name, name);
        }
    }

}
