package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 指标数据 from a workbook: the template has a row for each unit and indicator its items name; a
 * filled one is read row by row, each figure and each thing wrong with it said, nothing stored; only
 * the lead office may ask, and a file that is no such workbook is a 400 naming the file.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndicatorImportIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    cn.duban.platform.eventstore.SequencedMongoEventStorageEngine engine;

    static final Object PERCENT_CELL = new Object();

    static byte[] workbook(Object[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("指标");
            sheet.createRow(0).createCell(0).setCellValue("公安分局报来的2023年度登记率");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == PERCENT_CELL) {
                        // A rate as statistics tables keep it: 0.93 in a cell formatted as a percentage.
                        var cell = row.createCell(c);
                        cell.setCellValue(0.93);
                        var percent = book.createCellStyle();
                        percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
                        cell.setCellStyle(percent);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theLeadOfficeReadsAStatisticsOfficesTableRowByRowAndNothingIsStored() throws Exception {
        Api lead = new Api(port);
        lead.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        lead.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        lead.post("/api/units", Map.of("id", "gafj", "name", "公安分局", "type", "DEPARTMENT"));
        assertThat(lead.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
        lead.post("/api/schemes/beilun-2023/publish", "");
        Api clerk = lead.newUser("xinqi.clerk", "UNIT_STAFF", "xinqi");
        Api supervisor = lead.newUser("li.supervisor", "SUPERVISOR", null);

        // The template: a row for each street and the one indicator the streets' items name, in the
        // order of the names' pinyin (大碶 before 新碶); none for the department.
        List<List<String>> template = TestData.sheet(lead.bytes("/api/indicators/template.xlsx?scheme=beilun-2023"));
        assertThat(template.get(1)).containsExactly("单位", "指标", "年度", "分子", "分母", "数值");
        assertThat(template.subList(2, template.size())).containsExactly(
                List.of("大碶街道", "流动人口信息登记率", "2023"), List.of("新碶街道", "流动人口信息登记率", "2023"));

        // Columns in another order, a note above the header, units and indicators by name or by id and key.
        byte[] filled = workbook(
                new Object[]{"指标", "单位", "年度", "数值（%或数量）", "分子", "分母"},
                new Object[]{"流动人口信息登记率", "新碶街道", 2023, null, 193, 200},               // row 3: 96.5 worked out
                new Object[]{"registration_rate", "daqi", "2023", PERCENT_CELL, null, null},     // row 4: 0.93 shown as 93%, read as 93
                new Object[]{"流动人口信息登记率", "公安分局", 2023, 90, null, null},                // row 5: not the department's
                new Object[]{"流动人口信息登记率", "新碶街道", 2023, 97, null, null},                // row 6: repeats row 3
                new Object[]{},                                                                  // a blank row, skipped
                new Object[]{"流动人口信息登记率", "小港街道", 2023, 95, null, null},                // row 8: no such unit
                new Object[]{"登记率", "大碶街道", 2023, 95, null, null},                           // row 9: no such indicator
                new Object[]{"流动人口信息登记率", "大碶街道", 2099, 95, null, null},               // row 10: a year to come
                new Object[]{"流动人口信息登记率", "大碶街道", 2022, null, 210, 200},              // row 11: more than all
                new Object[]{"流动人口信息登记率", "大碶街道", 2021, "80%", 190, 200},             // row 12: 80% is not 190/200
                new Object[]{"流动人口信息登记率", "大碶街道", 2020, "九十", null, null},            // row 13: not a number
                new Object[]{"流动人口信息登记率", "大碶街道", 2019, null, 190, null});             // row 14: half the counts
        // 新碶 has a figure for 2023 already: the preview says it, as the row would replace it (the newest counts).
        assertThat(lead.post("/api/units/xinqi/indicators", Map.of("indicator", "registration_rate", "year", 2023, "value", 90)).status()).isEqualTo(201);
        long head = engine.headPosition();
        Api.Response preview = lead.upload("/api/indicators/preview", "登记率.xlsx", filled, Map.of("scheme", "beilun-2023"));
        assertThat(preview.status()).as("%s", preview.raw().body()).isEqualTo(200);
        JsonNode rows = preview.body().get("rows");
        assertThat(preview.body().get("ready").asInt()).isEqualTo(2);
        assertThat(preview.body().get("withProblems").asInt()).isEqualTo(9);
        assertThat(rows).hasSize(11);
        JsonNode xinqi = rows.get(0);
        assertThat(xinqi.get("row").asInt()).isEqualTo(3);
        assertThat(xinqi.get("unitId").asText()).isEqualTo("xinqi");
        assertThat(xinqi.get("indicator").asText()).isEqualTo("registration_rate");
        assertThat(xinqi.get("value").decimalValue()).isEqualByComparingTo("96.5");
        assertThat(xinqi.get("numerator").decimalValue()).isEqualByComparingTo("193");
        assertThat(xinqi.get("problems")).isEmpty();
        assertThat(xinqi.get("reported").decimalValue()).isEqualByComparingTo("90");
        JsonNode daqi = rows.get(1);
        assertThat(daqi.get("unitName").asText()).isEqualTo("大碶街道");
        assertThat(daqi.get("indicatorName").asText()).isEqualTo("流动人口信息登记率");
        assertThat(daqi.get("value").decimalValue()).isEqualByComparingTo("93");
        assertThat(daqi.path("numerator").isNull() || daqi.path("numerator").isMissingNode()).as("no counts given").isTrue();
        assertThat(daqi.path("reported").isNull() || daqi.path("reported").isMissingNode()).as("nothing reported before").isTrue();
        Map<Integer, String> said = Map.of(5, "公安分局的考核项目不含流动人口信息登记率", 6, "与第3行重复", 8, "没有名为“小港街道”的单位",
                9, "没有名为“登记率”的指标", 10, "年度：须在2000至今年", 11, "分子：分子不能大于分母", 12, "数值：与分子/分母不符（应约为 95.00）",
                13, "数值：“九十”不是数", 14, "分子、分母：须同时填写");
        for (JsonNode row : rows) {
            int n = row.get("row").asInt();
            if (n > 4) {
                assertThat(row.get("problems").toString()).as("row %d", n).contains(said.get(n));
            }
        }
        assertThat(engine.headPosition()).as("a preview stores nothing").isEqualTo(head);

        // Refused: a file that is no workbook, none, an empty sheet, a workbook without the columns; a scheme that is not there.
        for (byte[] bad : List.of("not a workbook".getBytes(), workbook(), workbook(new Object[]{"单位", "指标"}, new Object[]{"新碶街道", "x"}))) {
            Api.Response refused = lead.upload("/api/indicators/preview", "x.xlsx", bad, Map.of("scheme", "beilun-2023"));
            assertThat(refused.status()).as("%s", refused.raw().body()).isEqualTo(400);
            assertThat(refused.body().get("field").asText()).isEqualTo("file");
        }
        assertThat(lead.upload("/api/indicators/preview", "x.xlsx", filled, Map.of("scheme", "no-such-scheme")).status()).isEqualTo(404);
        // A zip that unpacks to far more than a table of figures (here 40 MB of one repeated byte, a few
        // dozen KB packed) is refused before anything reads it into memory.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] same = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(same);
            }
            zip.closeEntry();
        }
        Api.Response tooBig = lead.upload("/api/indicators/preview", "x.xlsx", bomb.toByteArray(), Map.of("scheme", "beilun-2023"));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().get("message").asText()).contains("解压后超过32MB");
        // Only the lead office enters figures for many units; a unit's clerk and a supervisor are refused.
        for (Api other : List.of(clerk, supervisor)) {
            assertThat(other.upload("/api/indicators/preview", "登记率.xlsx", filled, Map.of("scheme", "beilun-2023")).status()).isEqualTo(403);
        }
        assertThat(engine.headPosition()).isEqualTo(head);

        // The ready rows entered in one request, each its own figure for its unit, entered by the lead
        // office on the unit's behalf; one for a unit that is not there and one for a year to come are
        // refused in their results, as their single requests would be, and the rest go in.
        List<Map<String, Object>> figures = List.of(
                Map.of("unitId", "xinqi", "indicator", "registration_rate", "year", 2023, "value", 96.5, "numerator", 193, "denominator", 200),
                Map.of("unitId", "xiaogang", "indicator", "registration_rate", "year", 2023, "value", 95),
                Map.of("unitId", "daqi", "indicator", "registration_rate", "year", 2099, "value", 95),
                Map.of("unitId", "daqi", "indicator", "registration_rate", "year", 2023, "value", 93));
        // Only the lead office; a malformed figure refuses the whole request, naming it, and stores nothing.
        for (Api other : List.of(clerk, supervisor)) {
            assertThat(other.post("/api/indicator-figures", Map.of("figures", figures)).status()).isEqualTo(403);
        }
        Api.Response malformed = lead.post("/api/indicator-figures", Map.of("figures", List.of(figures.get(0),
                Map.of("unitId", "daqi", "indicator", "registration_rate", "year", 2023, "value", -1))));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("field").asText()).isEqualTo("figures[1].value");
        assertThat(lead.post("/api/indicator-figures", Map.of("figures", List.of())).body().get("field").asText()).isEqualTo("figures");
        assertThat(engine.headPosition()).isEqualTo(head);

        Api.Response entered = lead.post("/api/indicator-figures", Map.of("figures", figures));
        assertThat(entered.status()).as("%s", entered.raw().body()).isEqualTo(200);
        assertThat(entered.body().get("done").asInt()).isEqualTo(2);
        assertThat(entered.body().get("refused").asInt()).isEqualTo(2);
        JsonNode results = entered.body().get("results");
        assertThat(results.get(1).get("status").asInt()).isEqualTo(404);
        assertThat(results.get(1).get("error").get("message").asText()).contains("单位不存在", "xiaogang");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(2).get("error").get("field").asText()).isEqualTo("year");
        for (int i : new int[]{0, 3}) {
            assertThat(results.get(i).has("error")).isFalse();
            var stored = engine.eventOf(results.get(i).get("id").asText(), 0).orElseThrow();
            assertThat(stored.payload().getString("unitId")).isEqualTo(i == 0 ? "xinqi" : "daqi");
            assertThat(stored.metaData().getString(cn.duban.platform.axon.Audit.ON_BEHALF_OF)).as("entered for the unit").isEqualTo(stored.payload().getString("unitId"));
            assertThat(stored.metaData().getString(cn.duban.platform.axon.Audit.ACTOR)).isEqualTo("admin");
        }
        // Each unit is told what was entered in its name.
        JsonNode told = lead.get("/api/units/xinqi/notifications").body().get("notifications");
        assertThat(told.get(0).get("kind").asText()).isEqualTo("RECORD_ENTERED");
        assertThat(told.get(0).get("message").asText()).isEqualTo("流动人口信息登记率（2023年度） / Registration rate (2023)：96.5%");
        // The preview now finds the figures in force that the rows would replace.
        JsonNode again = lead.upload("/api/indicators/preview", "登记率.xlsx", filled, Map.of("scheme", "beilun-2023")).body().get("rows");
        assertThat(again.get(0).get("reported").decimalValue()).isEqualByComparingTo("96.5");
        assertThat(again.get(1).get("reported").decimalValue()).isEqualByComparingTo("93");
    }
}
