package cn.duban.query.common;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What every workbook the platform answers with shares: its bold title and header rows, and how it is sent. */
public final class Workbooks {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    /**
     * The workbook as a download named {@code name}; a name beyond ASCII (操作留痕-督查组李组长.xlsx) is
     * sent as RFC 6266's {@code filename*}, with {@code asciiName} for clients that read only {@code filename}.
     */
    public static ResponseEntity<byte[]> attachment(Workbook book, String name, String asciiName) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
            String disposition = ascii ? "attachment; filename=\"" + name + "\""
                    : "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX)).header("Content-Disposition", disposition)
                    .body(out.toByteArray());
        }
    }
}
