package cn.duban.platform.archive;

import cn.duban.platform.DubanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs event archives (HMAC-SHA256 of their head). The district keeps it outside the
 * database, so whoever can rewrite the database or an exported file cannot sign a forged one:
 * {@code DUBAN_ARCHIVE_KEY}, or else {@code archive.key} in the data directory, made on first use.
 * The distributed form sets {@code DUBAN_ARCHIVE_KEY} for every query-side process.
 */
@Component
public class ArchiveKey {
    public static final String FILE = "archive.key";
    private static final Logger log = LoggerFactory.getLogger(ArchiveKey.class);
    private final String configured;
    private final Path file;
    private volatile byte[] key;

    public ArchiveKey(@Value("${duban.archive-key:${DUBAN_ARCHIVE_KEY:}}") String configured, DubanProperties props) {
        this.configured = configured;
        this.file = props.dataDir().resolve(FILE);
    }

    public byte[] get() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        return configured != null && !configured.isBlank() ? configured.strip().getBytes(StandardCharsets.UTF_8) : readOrCreate(file);
    }

    /** The key a district configured, else the key file's content; null when there is neither (nothing is made). */
    public static byte[] read(String configured, Path file) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return configured.strip().getBytes(StandardCharsets.UTF_8);
        }
        return Files.exists(file) ? Files.readString(file).strip().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The key file's content, made (32 random bytes, hex, readable by the owner only) when absent. */
    public static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions apply.
                }
                log.warn("Made a new archive signing key in {}: keep a copy, archives are verified with it", file.toAbsolutePath());
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the archive key " + file.toAbsolutePath(), e);
        }
    }
}
