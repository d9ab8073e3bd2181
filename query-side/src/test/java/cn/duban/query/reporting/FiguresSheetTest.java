package cn.duban.query.reporting;

import cn.duban.kernel.error.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A statistics office's workbook read as its clerk sees it, whatever order its columns and however its numbers are kept. */
class FiguresSheetTest {
    @Test
    void theRowsUnderAHeaderFoundBelowANoteInAnyColumnOrderEachCellAsItShows() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("公安分局报来的2023年度登记率");
            Row head = sheet.createRow(2);
            String[] names = {"年度", "数值（%或数量）", "单位", "指标", "分母", "分子"};
            for (int c = 0; c < names.length; c++) {
                head.createCell(c).setCellValue(names[c]);
            }
            Row plain = sheet.createRow(3);
            plain.createCell(0).setCellValue(2023);
            plain.createCell(2).setCellValue("新碶街道");
            plain.createCell(3).setCellValue("流动人口信息登记率");
            plain.createCell(4).setCellValue(3949);
            plain.createCell(5).setCellValue(3812);
            // A blank row between groups is left out; the rows keep the numbers the spreadsheet shows.
            Row percent = sheet.createRow(5);
            percent.createCell(0).setCellValue("2023");
            percent.createCell(2).setCellValue("大碶街道");
            percent.createCell(3).setCellValue("registration_rate");
            var cell = percent.createCell(1);
            cell.setCellValue(0.935);
            var style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            cell.setCellStyle(style);
            Row formula = sheet.createRow(6);
            formula.createCell(2).setCellValue("小港街道");
            formula.createCell(3).setCellValue("出租房屋登记率");
            formula.createCell(0).setCellValue(2023);
            formula.createCell(1).setCellFormula("90+5.5");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();

            List<FiguresSheet.SheetRow> rows = FiguresSheet.rows(sheet);
            assertThat(rows).extracting(FiguresSheet.SheetRow::number).containsExactly(4, 6, 7);
            assertThat(rows.get(0).cells()).containsEntry("单位", "新碶街道").containsEntry("年度", "2023").containsEntry("分子", "3812")
                    .containsEntry("分母", "3949").containsEntry("数值", "");
            assertThat(rows.get(1).cells()).as("0.935 in a percentage cell shows 93.5%").containsEntry("数值", "93.5")
                    .containsEntry("指标", "registration_rate");
            assertThat(rows.get(2).cells()).as("a formula by its result").containsEntry("数值", "95.5");
        }
    }

    @Test
    void numbersAsTablesWriteThemAndWhatIsNotOne() {
        List<String> problems = new ArrayList<>();
        assertThat(FiguresSheet.number("96.5%", "数值", problems)).isEqualByComparingTo("96.5");
        assertThat(FiguresSheet.number("1,234", "数值", problems)).isEqualByComparingTo("1234");
        assertThat(FiguresSheet.number(" 12 ", "分子", problems)).isEqualByComparingTo("12");
        assertThat(FiguresSheet.number("", "分母", problems)).as("empty is not given").isNull();
        assertThat(problems).isEmpty();
        assertThat(FiguresSheet.number("九十", "数值", problems)).isNull();
        assertThat(FiguresSheet.number("-3", "分子", problems)).isNull();
        assertThat(problems).containsExactly("数值：“九十”不是数 / not a number", "分子：须为0至10亿的数 / must be from 0 to 1e9");
        assertThat(FiguresSheet.whole("2023")).isEqualTo(2023);
        assertThat(FiguresSheet.whole("2023.5")).isNull();
        assertThat(FiguresSheet.whole("2023年")).isNull();
        assertThat(FiguresSheet.number("96.50", "数值", problems).toPlainString()).as("as written, without trailing zeros").isEqualTo("96.5");
        assertThat(FiguresSheet.number("1200", "数值", problems).toPlainString()).as("a whole number stays whole, not 1.2E+3").isEqualTo("1200");
    }

    @Test
    void aSheetWithoutTheColumnsOrRowsOrOneUnpackingTooFarIsRefusedNamingTheFile() throws IOException {
        for (List<List<String>> sheet : List.of(List.of(List.of("名称", "数")), List.of(List.of("单位", "指标", "年度")),
                List.of(List.of("单位", "指标", "年度", "数值")))) {
            assertThatThrownBy(() -> FiguresSheet.rows(workbook(sheet))).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).first().field()).isEqualTo("file"));
        }
        assertThatThrownBy(() -> FiguresSheet.rows("not a workbook".getBytes())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不是Excel工作簿");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[(int) FiguresSheet.MAX_UNPACKED + 1]);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> FiguresSheet.rows(bomb.toByteArray())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("解压后超过32MB");
        List<List<String>> tooMany = new ArrayList<>(List.of(List.of("单位", "指标", "年度", "数值")));
        for (int i = 0; i <= FiguresSheet.MAX_ROWS; i++) {
            tooMany.add(List.of("新碶街道", "流动人口信息登记率", "2023", "95"));
        }
        assertThatThrownBy(() -> FiguresSheet.rows(workbook(tooMany))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("超过" + FiguresSheet.MAX_ROWS + "行");
        assertThat(FiguresSheet.rows(workbook(tooMany.subList(0, FiguresSheet.MAX_ROWS + 1)))).hasSize(FiguresSheet.MAX_ROWS);
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
