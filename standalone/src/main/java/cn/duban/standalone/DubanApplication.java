package cn.duban.standalone;

import cn.duban.command.CommandSideApplication;
import cn.duban.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides in one process on the embedded database: the one-command run. Command responses wait
 * for this process's projections, so a client reads its own writes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"cn.duban.platform", "cn.duban.command", "cn.duban.query", "cn.duban.standalone.demo"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class DubanApplication {
    public static void main(String[] args) throws java.io.IOException {
        for (String arg : args) {
            if (arg.startsWith("--verify-archive=")) {
                // A verify command needs no platform: read the file, check the chain, exit 0 or 1.
                var lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(arg.substring("--verify-archive=".length())));
                var verdict = cn.duban.kernel.archive.ArchiveChain.verify(lines);
                System.out.println(verdict.valid()
                        ? "归档完好 / archive intact: " + verdict.records() + " records"
                        : "归档被改动 / archive altered at line " + verdict.firstBadLine() + ": " + verdict.reason());
                System.exit(verdict.valid() ? 0 : 1);
            }
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}
