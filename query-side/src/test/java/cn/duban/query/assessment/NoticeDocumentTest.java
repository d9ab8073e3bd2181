package cn.duban.query.assessment;

import cn.duban.kernel.scoring.YearEnd;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A results notice as a Word document in the official layout (GB/T 9704): its words the notice's own. */
class NoticeDocumentTest {
    static final YearEndQueries.Notice NOTICE = new YearEndQueries.Notice("beilun-2023", "2023年度考核结果通报", List.of(
            new YearEndQueries.Graded(1, "baifeng", "白峰街道", new BigDecimal("96.50"), "优秀", YearEnd.Grade.EXCELLENT),
            new YearEndQueries.Graded(2, "xinqi", "新碶街道", new BigDecimal("92"), "优秀", YearEnd.Grade.EXCELLENT),
            new YearEndQueries.Graded(3, "daqi", "大碶街道", new BigDecimal("78.25"), "合格", YearEnd.Grade.PASS)),
            null, """
            关于2023年度流动人口服务管理目标责任制考核结果的通报

            根据《考核办法》，现将考核结果通报如下：
            优秀（2个）：白峰街道、新碶街道
            一、表彰
            经研究，对白峰街道予以表彰。
            二、通报批评
            大碶街道：抽查发现台账不实（弄虚作假）1条。
            """);

    @Test
    void theTitleTheBodyTheDateAndTheAnnexAreLaidOutAsAnOfficialDocument() throws Exception {
        byte[] bytes = NoticeDocument.write(NOTICE, LocalDate.of(2024, 1, 20));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            var page = doc.getDocument().getBody().getSectPr();
            assertThat(page.getPgSz().getW()).as("A4's width in twips").isEqualTo(BigInteger.valueOf(11906));
            assertThat(page.getPgMar().getTop()).as("37 mm").isEqualTo(BigInteger.valueOf(2098));
            assertThat(page.getPgMar().getLeft()).as("28 mm").isEqualTo(BigInteger.valueOf(1587));

            List<XWPFParagraph> written = doc.getParagraphs().stream().filter(p -> !p.getText().isEmpty()).toList();
            assertThat(written).extracting(XWPFParagraph::getText).containsExactly(
                    "关于2023年度流动人口服务管理目标责任制考核结果的通报",
                    "根据《考核办法》，现将考核结果通报如下：",
                    "优秀（2个）：白峰街道、新碶街道",
                    "一、表彰",
                    "经研究，对白峰街道予以表彰。",
                    "二、通报批评",
                    "大碶街道：抽查发现台账不实（弄虚作假）1条。",
                    "2024年1月20日",
                    "附件",
                    "考核结果一览表");

            XWPFParagraph title = written.get(0);
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(font(title)).isEqualTo("方正小标宋简体");
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);

            XWPFParagraph body = written.get(1);
            assertThat(font(body)).isEqualTo("仿宋_GB2312");
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getIndentationFirstLine()).as("two characters of 16 pt").isEqualTo(640);
            assertThat(body.getSpacingLineRule()).isEqualTo(LineSpacingRule.EXACT);
            assertThat(body.getSpacingBetween()).isEqualTo(28.95);
            assertThat(font(written.get(3))).as("a heading 一、").isEqualTo("黑体");
            assertThat(font(written.get(4))).isEqualTo("仿宋_GB2312");

            XWPFParagraph date = written.get(7);
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(date.getIndentationRight()).as("four characters from the margin").isEqualTo(1280);
            assertThat(written.get(8).isPageBreak()).as("the annex on a page of its own").isTrue();

            assertThat(doc.getFooterList()).hasSize(1);
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr())
                    .as("the page's number at its foot").isEqualTo("PAGE");

            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(table.getRow(0).isRepeatHeader()).as("the header on every page of a long table").isTrue();
            assertThat(table.getRow(2).getCell(1).getWidth()).as("the unit's name has half of the 156 mm, in twips").isEqualTo(4422);
            assertThat(table.getCTTbl().getTblGrid().getGridColArray(1).getW()).isEqualTo(BigInteger.valueOf(4422));
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText()).containsExactly("名次", "单位", "年终得分", "等次");
            assertThat(table.getRow(1).getTableCells()).extracting(c -> c.getText()).containsExactly("1", "白峰街道", "96.5", "优秀");
            assertThat(table.getRow(3).getTableCells()).extracting(c -> c.getText()).containsExactly("3", "大碶街道", "78.25", "合格");
        }
    }

    @Test
    void aNoticeWithNoTextStillHasItsDateAndAnnex() throws Exception {
        var empty = new YearEndQueries.Notice("s", "t", List.of(), null, "");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(NoticeDocument.write(empty, LocalDate.of(2024, 2, 1))))) {
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).filteredOn(t -> !t.isEmpty())
                    .containsExactly("2024年2月1日", "附件", "考核结果一览表");
            assertThat(doc.getTables().get(0).getRows()).as("the header alone").hasSize(1);
        }
    }

    static String font(XWPFParagraph p) {
        return p.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia);
    }
}
