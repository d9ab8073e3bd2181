package cn.duban.standalone.demo;

import cn.duban.kernel.material.Material;
import cn.duban.kernel.people.SystemActors;
import cn.duban.platform.materials.MaterialStore;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small generated files for the demo's records: a one-page sign-in sheet (PDF) and a photo of the
 * session (PNG, coloured shapes), stored as a unit's upload would be, so the demo's trainings can
 * be opened and sampled with their 台账材料.
 */
final class DemoMaterials {
    private final MaterialStore store;
    private final Random random = new Random(2023_03_15L);

    DemoMaterials(MaterialStore store) {
        this.store = store;
    }

    /** A sign-in sheet and a photo for one training of a unit. */
    List<Material> forTraining(String unit, String trainingId, String heldOn, int attendees) {
        List<Material> files = new ArrayList<>();
        files.add(store.store("签到表-" + heldOn + ".pdf", signInSheet(trainingId, heldOn, attendees), null, unit, SystemActors.DEMO));
        files.add(store.store("培训现场-" + heldOn + ".png", photo(), null, unit, SystemActors.DEMO));
        return files;
    }

    /** A one-page document filed with a record (an information report's original, a campaign's ledger page). */
    Material document(String unit, String name, String heading, int lines) {
        List<String> body = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            body.add(i + ".  ____________________________________________");
        }
        return store.store(name, page(heading, body), null, unit, SystemActors.DEMO);
    }

    /** A photo of a rectified site or a session. */
    Material photo(String unit, String name) {
        return store.store(name, photo(), null, unit, SystemActors.DEMO);
    }

    /** A valid one-page PDF listing numbered attendee lines (ASCII: the standard fonts have no Chinese). */
    static byte[] signInSheet(String trainingId, String heldOn, int attendees) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= Math.min(attendees, 30); i++) {
            lines.add(i + ".  ______________________  signed");
        }
        return page("Sign-in sheet  " + heldOn + "  " + trainingId, lines);
    }

    /** A valid one-page PDF: a heading and lines (ASCII: the standard fonts have no Chinese). */
    static byte[] page(String heading, List<String> lines) {
        StringBuilder text = new StringBuilder("BT /F1 16 Tf 56 780 Td (" + heading + ") Tj ET\n");
        for (int i = 1; i <= Math.min(lines.size(), 30); i++) {
            text.append("BT /F1 11 Tf 56 ").append(760 - i * 22).append(" Td (").append(lines.get(i - 1)).append(") Tj ET\n");
        }
        String content = text.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + content.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + content + "endstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A 320×200 picture: a room (walls, rows of seats) in colours drawn from the seed. */
    byte[] photo() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(200 + random.nextInt(40), 200 + random.nextInt(40), 190 + random.nextInt(40)));
            g.fillRect(0, 0, 320, 200);
            g.setColor(new Color(60 + random.nextInt(80), 90 + random.nextInt(60), 140 + random.nextInt(80)));
            g.fillRect(110, 20, 100, 50);
            for (int row = 0; row < 4; row++) {
                for (int seat = 0; seat < 8; seat++) {
                    g.setColor(new Color(random.nextInt(160), random.nextInt(160), random.nextInt(160)));
                    g.fillOval(30 + seat * 34, 90 + row * 26, 18, 18);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
