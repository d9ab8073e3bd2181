package cn.duban.standalone;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Each Spring test context gets its own embedded database in a fresh directory under the module's
 * {@code target/test-data}: cached contexts outlive any one test class, so no test can delete its
 * directory when it ends, and under the system's temporary directory every run of the suite left
 * some thirty databases behind (a benchmark's 1M store is 360 MB). Under {@code target} the next
 * {@code mvn clean}, or a clean clone, takes them away.
 */
final class TestData {
    private TestData() {
    }

    private static final Path TEST_DATA = Path.of("target", "test-data").toAbsolutePath();

    /**
     * A port nothing listens on, for a platform a test starts itself, chosen below the system's range of
     * ephemeral ports (32768 and up on Linux). A port from {@code new ServerSocket(0)} is free only until
     * it is closed: the started platform's embedded database, binding an ephemeral port of its own before
     * the web server binds the chosen one, once took that very port, the web server could not bind, and
     * the health checks reached the database (CrashRecoveryIT, with the integration tests in two JVMs).
     */
    static int freePort() throws java.io.IOException {
        java.util.Random random = new java.util.Random();
        for (int tries = 0; tries < 100; tries++) {
            int port = 20_000 + random.nextInt(12_000);
            try (java.net.ServerSocket s = new java.net.ServerSocket(port)) {
                return port;
            } catch (java.net.BindException taken) {
                // another process's: try the next
            }
        }
        throw new IllegalStateException("no free port found from 20000 to 32000");
    }

    static Path newDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(TEST_DATA), "duban-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file to upload, beside the databases for the same reason. */
    static Path newFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(Files.createDirectories(TEST_DATA), prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        Path dir = newDataDir();
        registry.add("duban.data-dir", dir::toString);
        registry.add("duban.mongodb-uri", () -> "");
        // The deadline scheduler runs only when a test calls it (DeadlineSchedulerIT), so nothing
        // records reminders or overdue events in the middle of another test's assertions.
        registry.add("duban.deadlines.initial-delay", () -> "PT24H");
        security(registry::add);
    }

    static final String ADMIN_PASSWORD = "admin-test-password";

    /** The initial lead-office password, and Argon2id at a cost that keeps hundreds of signed requests fast. */
    static void security(java.util.function.BiConsumer<String, java.util.function.Supplier<Object>> registry) {
        registry.accept("duban.admin-password", () -> ADMIN_PASSWORD);
        registry.accept("duban.security.argon2.memory-kib", () -> "1024");
        registry.accept("duban.security.argon2.iterations", () -> "1");
    }

    /** A workbook's first sheet, each row's cells as the spreadsheet shows them (a number as its digits). */
    static List<List<String>> sheet(byte[] xlsx) {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var shown = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : shown.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
