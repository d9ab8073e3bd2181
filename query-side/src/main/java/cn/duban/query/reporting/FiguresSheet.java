package cn.duban.query.reporting;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.scheme.Indicators;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A filled workbook of indicator figures read as its clerk sees it: the first sheet's rows under the
 * header that names the columns, each cell as it shows (a number plainly, a percentage cell as the
 * percent it shows, a formula by its last result), blank rows left out. What the rows mean (which
 * unit, which indicator, whether the figure holds) is {@link IndicatorWorkbook}'s to say.
 */
final class FiguresSheet {
    static final String UNIT = "单位";
    static final String INDICATOR = "指标";
    static final String YEAR = "年度";
    static final String NUMERATOR = "分子";
    static final String DENOMINATOR = "分母";
    static final String VALUE = "数值";
    static final String[] HEADER = {UNIT, INDICATOR, YEAR, NUMERATOR, DENOMINATOR, VALUE};
    /** More rows than a district's units times its indicators is not a statistics office's table. */
    static final int MAX_ROWS = 2_000;
    /** A table of figures, not a ledger: a workbook of a few thousand rows is well under it. */
    static final long MAX_BYTES = 2L * 1024 * 1024;
    /** How far down the header row may be: a title or a note may stand above it. */
    private static final int HEADER_WITHIN = 10;

    private FiguresSheet() {
    }

    /** A row of the sheet with something in it: its number as the spreadsheet shows it (from 1), and its cells by column name. */
    record SheetRow(int number, Map<String, String> cells) {
    }

    /**
     * The rows under the header.
     *
     * @throws InvalidInputException (field {@code file}) when the bytes are no workbook, unpack to more
     *                               than {@link #MAX_UNPACKED}, name no header with 单位, 指标, 年度 and
     *                               数值, hold more than {@link #MAX_ROWS} rows, or none
     */
    static List<SheetRow> rows(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "文件为空 / the file is empty");
        }
        requireUnpackedWithin(bytes);
        try (Workbook book = open(new java.io.ByteArrayInputStream(bytes))) {
            return rows(book.getSheetAt(0));
        }
    }

    static List<SheetRow> rows(Sheet sheet) {
        Map<String, Integer> columns = null;
        int first = 0;
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + HEADER_WITHIN); r++) {
            Map<String, Integer> found = header(sheet.getRow(r));
            if (found.containsKey(UNIT) && found.containsKey(INDICATOR)) {
                columns = found;
                first = r + 1;
                break;
            }
        }
        if (columns == null) {
            throw new InvalidInputException("file", "未找到表头（单位、指标、年度、数值）/ no header row naming 单位, 指标, 年度 and 数值");
        }
        for (String needed : List.of(YEAR, VALUE)) {
            if (!columns.containsKey(needed)) {
                throw new InvalidInputException("file", "缺少“" + needed + "”列 / no column " + needed);
            }
        }
        if (sheet.getLastRowNum() - first + 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "超过" + MAX_ROWS + "行 / more than " + MAX_ROWS + " rows");
        }
        List<SheetRow> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter(Locale.ROOT);
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, String> cells = new LinkedHashMap<>();
            for (var column : columns.entrySet()) {
                Cell cell = row == null ? null : row.getCell(column.getValue());
                cells.put(column.getKey(), cell == null ? "" : cellText(cell, text));
            }
            if (cells.values().stream().allMatch(String::isEmpty)) {
                continue; // a blank row between groups of units
            }
            rows.add(new SheetRow(r + 1, cells));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "表头下没有数据行 / no rows under the header");
        }
        return rows;
    }

    /** What a workbook of {@link #MAX_ROWS} rows of figures unpacks to, many times over. */
    static final long MAX_UNPACKED = 32L * 1024 * 1024;

    /**
     * An .xlsx is a zip of XML, which POI reads whole into memory: 2 MB of it may unpack to hundreds
     * of megabytes (POI's own guard allows a hundredfold), enough to exhaust the heap of a server
     * that answers every district office. Counted by unpacking, not by what the zip says of itself.
     */
    private static void requireUnpackedWithin(byte[] bytes) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            return; // not a zip: an .xls (its size is its size) or no workbook, which opening says
        }
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        throw new InvalidInputException("file", "工作簿解压后超过32MB，不是一张指标表 / the workbook unpacks to more than 32 MB");
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("file", "不是Excel工作簿（.xlsx或.xls）/ not an Excel workbook");
        }
    }

    private static Workbook open(InputStream in) {
        try {
            return WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            // POI says a file is not a workbook in several ways (a zip that is not OOXML, an old format, a truncated file).
            throw new InvalidInputException("file", "不是Excel工作簿（.xlsx或.xls）/ not an Excel workbook");
        }
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> found = new HashMap<>();
        if (row == null) {
            return found;
        }
        DataFormatter text = new DataFormatter(Locale.ROOT);
        for (Cell cell : row) {
            String name = text.formatCellValue(cell).strip();
            for (String column : HEADER) {
                // "数值（%或数量）" and "年度 " name their columns too.
                if (name.startsWith(column) && !found.containsKey(column)) {
                    found.put(column, cell.getColumnIndex());
                }
            }
        }
        return found;
    }

    /**
     * A cell as its reader sees it; a number as a plain number (no grouping, no exponent), a formula by
     * its last result. A cell formatted as a percentage shows 96.5% but holds 0.965: it is read as
     * shown, 96.5, or a statistics office's rates would all be read as under one percent.
     */
    private static String cellText(Cell cell, DataFormatter text) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            BigDecimal held = BigDecimal.valueOf(cell.getNumericCellValue());
            String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
            return (format != null && format.contains("%") ? held.movePointRight(2) : held).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getRichStringCellValue().getString().strip();
        }
        return cell.getCellType() == CellType.FORMULA ? "" : text.formatCellValue(cell).strip();
    }

    static Integer whole(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** A number as a statistics table writes it: "96.5", "96.5%", "1,234". Null when empty; a problem when not a number. */
    static BigDecimal number(String text, String column, List<String> problems) {
        String plain = text.replace(",", "").replace("，", "").strip();
        if (plain.endsWith("%") || plain.endsWith("％")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        if (plain.isEmpty()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(plain);
            if (n.signum() < 0 || n.compareTo(Indicators.MAX_COUNT) > 0) {
                problems.add(column + "：须为0至10亿的数 / must be from 0 to 1e9");
                return null;
            }
            return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
        } catch (NumberFormatException e) {
            problems.add(column + "：“" + text + "”不是数 / not a number");
            return null;
        }
    }

}
