package cn.duban.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring engine must stay a pure function: no Spring, no Axon, no clock, no I/O. */
class EngineIsPureTest {
    @Test
    void scoringAndSchemePackagesImportNoFrameworkOrClock() throws IOException {
        Path root = Path.of("src/main/java/cn/duban/kernel");
        List<Path> sources;
        try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("scoring")), Files.walk(root.resolve("scheme")))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path p : sources) {
            String text = Files.readString(p);
            assertThat(text).as(p.toString())
                    .doesNotContain("org.springframework")
                    .doesNotContain("org.axonframework")
                    .doesNotContain("Instant.now")
                    .doesNotContain("System.currentTimeMillis")
                    .doesNotContain("java.io.");
        }
    }
}
