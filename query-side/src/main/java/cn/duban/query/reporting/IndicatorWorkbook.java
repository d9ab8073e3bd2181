package cn.duban.query.reporting;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.reporting.IndicatorFigure;
import cn.duban.kernel.scheme.Indicators;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.query.common.Workbooks;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.scheme.SchemeView;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.unit.UnitsProjection.UnitView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 指标数据 brought in from a workbook: the lead office enters, for many units at once, the figures a
 * statistics office sent it (公安分局's registration rates of every 街道, say), where typing each into
 * 代录填报 took a form a figure. A template to fill, with a row for each unit and each indicator its
 * items name; and a preview that reads a filled one and says, row by row, what each figure is and
 * what is wrong with it, by the same rule every reported figure obeys ({@link IndicatorFigure}).
 * Nothing is stored here: the workbench sends each row as its own {@code POST
 * /api/units/{id}/indicators}, which checks it again and records who entered it.
 */
@RestController
@RequestMapping("/api/indicators")
@Tag(name = "填报 Reporting")
public class IndicatorWorkbook {
    private final SchemeQueries schemes;
    private final UnitQueries units;
    private final ReportedRecords records;
    private final Clock clock;

    public IndicatorWorkbook(SchemeQueries schemes, UnitQueries units, ReportedRecords records, Clock dubanClock) {
        this.schemes = schemes;
        this.units = units;
        this.records = records;
        this.clock = dubanClock;
    }

    /**
     * One row of a filled workbook as the preview reads it; {@code problems} empty when it can be sent.
     * {@code reported} is the figure that unit has in force for that indicator and year, if any: the
     * newest figure counts, so the row's would replace it.
     */
    public record PreviewRow(int row, String unitId, String unitName, String indicator, String indicatorName, boolean rate,
                             Integer year, BigDecimal numerator, BigDecimal denominator, BigDecimal value, BigDecimal reported,
                             List<String> problems) {
        PreviewRow withReported(BigDecimal figure) {
            return new PreviewRow(row, unitId, unitName, indicator, indicatorName, rate, year, numerator, denominator, value, figure, problems);
        }
    }

    /** The rows read, in the workbook's order, and how many of them are ready to send. */
    public record Preview(List<PreviewRow> rows, int ready, int withProblems) {
    }

    @GetMapping("/template.xlsx")
    @Operation(summary = "指标数据导入模板 / a workbook to fill with indicator figures",
            description = "A row for each unit and each indicator the scheme's items name for it (those the platform computes left out), "
                    + "with the scheme's year; 分子, 分母 and 数值 left to fill. A rate's 数值 may be left empty when 分子 and 分母 are given.")
    public ResponseEntity<byte[]> template(@RequestParam @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "方案编号格式不对 / not a scheme id") String scheme)
            throws IOException {
        SchemeView view = schemes.one(scheme);
        List<SchemeItem> items = itemsInForce(view);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = Workbooks.bold(book);
            Sheet sheet = book.createSheet("指标数据");
            int[] widths = {18, 28, 8, 12, 12, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(view.year() + "年度指标数据（" + view.title() + "）：比率填百分数（如 96.5），"
                    + "填了分子和分母的可不填数值；数量填整数。不报的行可删去。");
            title.getCell(0).setCellStyle(bold);
            Workbooks.header(sheet.createRow(1), FiguresSheet.HEADER, bold);
            int r = 2;
            for (UnitView unit : current()) {
                for (String indicator : indicatorsOf(items, unit)) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(unit.name());
                    row.createCell(1).setCellValue(Indicators.of(indicator).zh());
                    row.createCell(2).setCellValue(view.year());
                }
            }
            return Workbooks.attachment(book, view.year() + "年度指标数据导入模板.xlsx", "indicator-figures-" + view.year() + ".xlsx");
        }
    }

    @PostMapping("/preview")
    @Operation(summary = "预览导入的指标数据 / read a filled workbook of indicator figures, row by row, storing nothing",
            description = "Multipart: file (.xlsx or .xls, at most 2 MB and " + FiguresSheet.MAX_ROWS + " rows) and scheme. The first sheet's header row "
                    + "names the columns 单位, 指标, 年度, 数值 and, for rates, 分子 and 分母, in any order. Each row says the unit and "
                    + "indicator it found (by name, or by id and key), the figure, and what is wrong with it: a unit or indicator not "
                    + "known, an indicator the unit's items do not name, a year after this one, a figure its rule refuses, a row "
                    + "repeating an earlier one. A file that is not such a workbook is a 400 naming file.")
    public Preview preview(@RequestPart("file") MultipartFile file,
                           @RequestParam @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "方案编号格式不对 / not a scheme id") String scheme)
            throws IOException {
        SchemeView view = schemes.one(scheme);
        if (file.getSize() > FiguresSheet.MAX_BYTES) {
            throw new InvalidInputException("file", "文件超过2MB / the file is larger than 2 MB");
        }
        return read(FiguresSheet.rows(file.getBytes()), view);
    }

    Preview read(List<FiguresSheet.SheetRow> sheet, SchemeView view) {
        List<SchemeItem> items = itemsInForce(view);
        List<UnitView> register = units.all();
        Map<String, UnitView> byName = new HashMap<>();
        for (UnitView u : register) {
            byName.put(u.id(), u);
            u.formerNames().forEach(f -> byName.putIfAbsent(f.name(), u));
        }
        register.forEach(u -> byName.put(u.name(), u)); // a current name wins over a former one
        Map<String, Indicators.Indicator> indicatorByName = new HashMap<>();
        for (Indicators.Indicator i : Indicators.known()) {
            indicatorByName.put(i.key(), i);
            indicatorByName.put(i.zh(), i);
        }
        items.stream().flatMap(i -> i.rulesOrEmpty().stream())
                .map(rule -> rule.indicator()).filter(k -> k != null).map(Indicators::of).forEach(i -> indicatorByName.putIfAbsent(i.key(), i));
        int thisYear = today().getYear();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<ReportedRecordsProjection.RecordView>> figures = new HashMap<>();
        List<PreviewRow> rows = new ArrayList<>();
        for (FiguresSheet.SheetRow row : sheet) {
            PreviewRow checked = check(row.number(), row.cells(), items, byName, indicatorByName, thisYear, seen);
            rows.add(checked.unitId() == null || checked.indicator() == null || checked.year() == null ? checked
                    : inForce(checked, figures.computeIfAbsent(checked.unitId() + "|" + checked.year(),
                    k -> records.list(checked.unitId(), "INDICATOR", null, checked.year(), 0))));
        }
        int ready = (int) rows.stream().filter(p -> p.problems().isEmpty()).count();
        return new Preview(rows, ready, rows.size() - ready);
    }

    private PreviewRow check(int rowNumber, Map<String, String> cells, List<SchemeItem> items, Map<String, UnitView> byName,
                             Map<String, Indicators.Indicator> indicatorByName, int thisYear, Map<String, Integer> seen) {
        List<String> problems = new ArrayList<>();
        String unitText = cells.get(FiguresSheet.UNIT);
        UnitView unit = byName.get(unitText);
        if (unitText.isEmpty()) {
            problems.add("单位：未填写 / the unit is empty");
        } else if (unit == null) {
            problems.add("单位：没有名为“" + unitText + "”的单位 / no unit is named so");
        }
        String indicatorText = cells.get(FiguresSheet.INDICATOR);
        Indicators.Indicator indicator = indicatorByName.get(indicatorText);
        if (indicatorText.isEmpty()) {
            problems.add("指标：未填写 / the indicator is empty");
        } else if (indicator == null) {
            problems.add("指标：没有名为“" + indicatorText + "”的指标 / no indicator is named so");
        } else if (unit != null && !indicator.derived() && !indicatorsOf(items, unit).contains(indicator.key())) {
            problems.add("指标：" + unit.name() + "的考核项目不含" + indicator.zh() + " / not an indicator of this unit's items");
        }
        Integer year = FiguresSheet.whole(cells.get(FiguresSheet.YEAR));
        if (year == null) {
            problems.add("年度：须为年份，如 2023 / the year must be a year such as 2023");
        } else if (year < 2000 || year > thisYear) {
            problems.add("年度：须在2000至今年（" + thisYear + "）之间 / the year must be from 2000 to this year");
            year = null;
        }
        BigDecimal numerator = FiguresSheet.number(cells.getOrDefault(FiguresSheet.NUMERATOR, ""), FiguresSheet.NUMERATOR, problems);
        BigDecimal denominator = FiguresSheet.number(cells.getOrDefault(FiguresSheet.DENOMINATOR, ""), FiguresSheet.DENOMINATOR, problems);
        BigDecimal value = FiguresSheet.number(cells.get(FiguresSheet.VALUE), FiguresSheet.VALUE, problems);
        boolean rate = indicator == null || indicator.unit() == Indicators.Unit.PERCENT;
        boolean countsRead = problems.stream().noneMatch(p -> p.startsWith(FiguresSheet.NUMERATOR) || p.startsWith(FiguresSheet.DENOMINATOR));
        try {
            if ((numerator == null) != (denominator == null) && countsRead) {
                problems.add("分子、分母：须同时填写 / give both numerator and denominator, or neither");
            } else if (value == null && rate && numerator != null && denominator != null) {
                value = IndicatorFigure.rateOf(numerator, denominator);
            }
            if (value == null && problems.stream().noneMatch(p -> p.startsWith(FiguresSheet.VALUE))) {
                problems.add("数值：未填写 / the figure is empty");
            }
            if (indicator != null && value != null && countsRead) {
                IndicatorFigure.requireConsistent(indicator.key(), value, denominator != null ? numerator : null, numerator != null ? denominator : null);
            }
        } catch (InvalidInputException e) {
            problems.add(COLUMN_OF.getOrDefault(e.first().field(), e.first().field()) + "：" + e.first().message());
        }
        if (unit != null && indicator != null && year != null) {
            Integer earlier = seen.putIfAbsent(unit.id() + "|" + indicator.key() + "|" + year, rowNumber);
            if (earlier != null) {
                problems.add("与第" + earlier + "行重复（同一单位、指标和年度） / repeats row " + earlier);
            }
        }
        return new PreviewRow(rowNumber, unit == null ? null : unit.id(), unit == null ? unitText : unit.name(),
                indicator == null ? null : indicator.key(), indicator == null ? indicatorText : indicator.zh(), rate,
                year, numerator, denominator, value, null, List.copyOf(problems));
    }

    /** The row with the figure its unit has in force for that indicator and year: the newest not withdrawn. */
    private static PreviewRow inForce(PreviewRow row, List<ReportedRecordsProjection.RecordView> newestFirst) {
        return newestFirst.stream().filter(v -> row.indicator().equals(v.indicator) && !"WITHDRAWN".equals(v.status)).findFirst()
                .map(v -> row.withReported(v.value)).orElse(row);
    }

    /** The kernel's rule names the request's fields; the reader knows the workbook's columns. */
    private static final Map<String, String> COLUMN_OF = Map.of("value", FiguresSheet.VALUE, "numerator", FiguresSheet.NUMERATOR, "denominator", FiguresSheet.DENOMINATOR,
            "indicator", FiguresSheet.INDICATOR);

    /**
     * The units in the register now (a retired one reports no more): the 街道 first, then the
     * departments, each in the order of their names' pinyin, as a district's tables list them.
     */
    private List<UnitView> current() {
        LocalDate today = today();
        java.text.Collator pinyin = java.text.Collator.getInstance(Locale.CHINA);
        return units.all().stream().filter(u -> u.retiredOn() == null || u.retiredOn().isAfter(today))
                .sorted(java.util.Comparator.comparing(UnitView::type, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(UnitView::name, pinyin))
                .toList();
    }

    private LocalDate today() {
        return cn.duban.kernel.calendar.DistrictTime.dateOf(clock.instant());
    }

    private List<SchemeItem> itemsInForce(SchemeView view) {
        return Optional.ofNullable(view.versionAt(clock.instant()).orElse(view.latest()).document().items()).orElse(List.of());
    }

    /** The indicators a unit's items name that a unit reports (the platform computes 抽查准确率 itself). */
    private static Set<String> indicatorsOf(List<SchemeItem> items, UnitView unit) {
        Set<String> out = new LinkedHashSet<>();
        items.stream().filter(item -> item.appliesToOrDefault().matches(unit.id(), unit.type()))
                .flatMap(item -> item.rulesOrEmpty().stream()).map(rule -> rule.indicator())
                .filter(k -> k != null && !Indicators.of(k).derived()).forEach(out::add);
        return out;
    }
}
