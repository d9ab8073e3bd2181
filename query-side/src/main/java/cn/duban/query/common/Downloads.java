package cn.duban.query.common;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How a file the platform makes (a workbook, a notice's Word document) is sent: as a download with its name. */
public final class Downloads {
    private Downloads() {
    }

    /**
     * {@code body} as a download named {@code name}; a name beyond ASCII (操作留痕-督查组李组长.xlsx) is sent
     * as RFC 6266's {@code filename*}, with {@code asciiName} for clients that read only {@code filename}.
     */
    public static ResponseEntity<byte[]> attachment(byte[] body, String contentType, String name, String asciiName) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
        String disposition = ascii ? "attachment; filename=\"" + name + "\""
                : "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType)).header("Content-Disposition", disposition).body(body);
    }

    /** A name a user gave (a notice's title) made fit for a file's name: no path separators or characters Windows refuses. */
    public static String fileName(String given) {
        return given.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    }
}
