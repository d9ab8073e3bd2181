package cn.duban.standalone;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each Spring test context gets its own embedded database in a fresh directory. */
final class TestData {
    private TestData() {
    }

    static Path newDataDir() {
        try {
            return Files.createTempDirectory("duban-test-");
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
}
