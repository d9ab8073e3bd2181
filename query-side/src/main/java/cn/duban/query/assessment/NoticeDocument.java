package cn.duban.query.assessment;

import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A results notice as a Word document, laid out as a district's official documents are (GB/T 9704-2012,
 * 党政机关公文格式), so the lead office puts it on its letterhead, signs it and sends it out without
 * retyping: A4 with the standard's margins, the title in 2号小标宋 centred, the body in 3号仿宋 at a fixed
 * 28.95 pt a line (22 lines a page) with a two-character first-line indent, each heading (一、二、) in
 * 黑体, the date of writing right-aligned four characters in, each page's number at its foot, and the
 * ranking as the annex's table (its header repeated on each page). The
 * words are the notice's own, as published; the issuing office's name is the letterhead's and the seal's.
 */
final class NoticeDocument {
    /** 2号 and 3号 in points; a 3号 character is the indent's unit. */
    private static final double TITLE_PT = 22;
    private static final double BODY_PT = 16;
    private static final double TABLE_PT = 12;
    /** 4号 宋体 at the page's foot. */
    private static final double PAGE_NUMBER_PT = 14;
    private static final String PAGE_NUMBER_FONT = "宋体";
    private static final double LINE_PT = 28.95;
    private static final int TWIPS_PER_PT = 20;
    /** A4's 210 mm less the left and right margins. */
    private static final double TEXT_WIDTH_MM = 210 - 28 - 26;
    private static final int CHARACTER = (int) (BODY_PT * TWIPS_PER_PT);
    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    /** Latin letters and figures in a Chinese document's runs. */
    private static final String LATIN_FONT = "Times New Roman";
    private static final Pattern HEADING = Pattern.compile("^[一二三四五六七八九十]+、.*");

    private NoticeDocument() {
    }

    /**
     * @param notice  the notice, its text's first line its title
     * @param written the date of writing: the publication's day, or today for a draft
     */
    static byte[] write(YearEndQueries.Notice notice, LocalDate written) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            pageNumbers(doc);
            List<String> lines = notice.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (!lines.isEmpty()) {
                title(doc, lines.get(0));
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(2 * CHARACTER);
                run(p, line, HEADING.matcher(line).matches() ? HEADING_FONT : BODY_FONT, BODY_PT);
            }
            // A blank line, then the date of writing, four characters from the right margin.
            paragraph(doc, ParagraphAlignment.LEFT);
            XWPFParagraph date = paragraph(doc, ParagraphAlignment.RIGHT);
            date.setIndentationRight(4 * CHARACTER);
            run(date, written.getYear() + "年" + written.getMonthValue() + "月" + written.getDayOfMonth() + "日", BODY_FONT, BODY_PT);
            annex(doc, notice.results());
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(mm(210)));
        size.setH(BigInteger.valueOf(mm(297)));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(37)));
        margins.setBottom(BigInteger.valueOf(mm(35)));
        margins.setLeft(BigInteger.valueOf(mm(28)));
        margins.setRight(BigInteger.valueOf(mm(26)));
    }

    /** Each page's number at its foot, as the standard writes it: — 1 —. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFParagraph p = doc.createHeaderFooterPolicy().createFooter(STHdrFtr.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_PT);
    }

    private static long mm(double millimetres) {
        return Math.round(millimetres / 25.4 * 1440);
    }

    private static void title(XWPFDocument doc, String text) {
        XWPFParagraph p = paragraph(doc, ParagraphAlignment.CENTER);
        p.setSpacingBetween(35, LineSpacingRule.EXACT);
        run(p, text, TITLE_FONT, TITLE_PT);
        // The standard leaves a blank line between the title and the body.
        paragraph(doc, ParagraphAlignment.LEFT);
    }

    /** 附件 on a page of its own: every unit's rank, year-end score and grade, as the notice ranks them. */
    private static void annex(XWPFDocument doc, List<YearEndQueries.Graded> results) {
        XWPFParagraph label = paragraph(doc, ParagraphAlignment.LEFT);
        label.setPageBreak(true);
        run(label, "附件", HEADING_FONT, BODY_PT);
        paragraph(doc, ParagraphAlignment.LEFT);
        title(doc, "考核结果一览表");
        XWPFTable table = doc.createTable(results.size() + 1, 4);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidth("100%");
        String[] header = {"名次", "单位", "年终得分", "等次"};
        // The unit's name has the room (a department's full name is up to twenty characters), in the grid
        // Word and WPS lay out by and in each cell, of the 156 mm between the margins.
        double[] shares = {0.12, 0.50, 0.19, 0.19};
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        for (int c = 0; c < header.length; c++) {
            BigInteger width = BigInteger.valueOf(Math.round(mm(TEXT_WIDTH_MM) * shares[c]));
            grid.addNewGridCol().setW(width);
            cell(table.getRow(0).getCell(c), header[c], HEADING_FONT);
            for (int r = 0; r <= results.size(); r++) {
                table.getRow(r).getCell(c).setWidth(width.toString());
            }
        }
        // A table longer than a page repeats its header on each.
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < results.size(); r++) {
            YearEndQueries.Graded g = results.get(r);
            String[] row = {String.valueOf(g.rank()), g.name(), g.yearEnd().stripTrailingZeros().toPlainString(), g.grade()};
            for (int c = 0; c < row.length; c++) {
                cell(table.getRow(r + 1).getCell(c), row[c], BODY_FONT);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String text, String font) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, font, TABLE_PT);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(LINE_PT, LineSpacingRule.EXACT);
        return p;
    }

    private static void run(XWPFParagraph p, String text, String font, double points) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(points);
    }
}
