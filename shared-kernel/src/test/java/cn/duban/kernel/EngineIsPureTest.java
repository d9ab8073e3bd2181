package cn.duban.kernel;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring engine must stay a pure function: no Spring, no Axon, no clock, no I/O. The engine is
 * the scoring package and the scheme's rules; the scheme slice's messages may carry the two Axon
 * annotations the kernel allows (a command's {@code @TargetAggregateIdentifier}, an event's
 * {@code @Revision}), and the built-in Beilun scheme
 * ({@code scheme/beilun}) reads its document from the class path, which is not the engine.
 */
class EngineIsPureTest {
    @Test
    void scoringAndSchemePackagesImportNoFrameworkOrClock() throws IOException {
        Path root = Path.of("src/main/java/cn/duban/kernel");
        List<Path> sources;
        try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("scoring")), Files.walk(root.resolve("scheme")))) {
            sources = s.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(root.resolve("scheme").resolve("beilun"))).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path p : sources) {
            String text = Files.readString(p)
                    .replace("import org.axonframework.modelling.command.TargetAggregateIdentifier;", "")
                    .replace("import org.axonframework.serialization.Revision;", "");
            assertThat(text).as(p.toString())
                    .doesNotContain("org.springframework")
                    .doesNotContain("org.axonframework")
                    .doesNotContain("Instant.now")
                    .doesNotContain("System.currentTimeMillis")
                    .doesNotContain("java.io.");
        }
    }
}
