package cn.duban.query.common;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** What every workbook the platform answers with shares: its bold title and header rows, and how it is sent. */
public final class Workbooks {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A time as every workbook writes it: to the minute, in the district's time. */
    public static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(cn.duban.kernel.calendar.DistrictTime.ZONE);

    private Workbooks() {
    }

    public static CellStyle bold(Workbook book) {
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** A row of column names, each in the style given. */
    public static void header(Row row, String[] names, CellStyle style) {
        for (int c = 0; c < names.length; c++) {
            row.createCell(c).setCellValue(names[c]);
            row.getCell(c).setCellStyle(style);
        }
    }

    /** The workbook as a download named {@code name} (see {@link Downloads#attachment}). */
    public static ResponseEntity<byte[]> attachment(Workbook book, String name, String asciiName) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return Downloads.attachment(out.toByteArray(), XLSX, name, asciiName);
        }
    }
}
