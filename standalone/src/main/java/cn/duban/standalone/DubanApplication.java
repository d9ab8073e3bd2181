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
@ComponentScan(basePackages = {"cn.duban.platform", "cn.duban.command", "cn.duban.query", "cn.duban.standalone.demo",
        "cn.duban.standalone.startup"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class DubanApplication {
    public static void main(String[] args) throws java.io.IOException {
        String archive = null;
        String keyArg = null;
        String materials = null;
        for (String arg : args) {
            if (arg.startsWith("--verify-archive=")) {
                archive = arg.substring("--verify-archive=".length());
            } else if (arg.startsWith("--archive-key=")) {
                keyArg = arg.substring("--archive-key=".length());
            } else if (arg.startsWith("--materials=")) {
                materials = arg.substring("--materials=".length());
            }
        }
        if (archive != null) {
            // A verify command needs no platform: read the file, check the chain and its signed head, exit 0 or 1.
            var lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(archive));
            byte[] key = cn.duban.platform.archive.ArchiveKey.read(keyArg != null ? keyArg : System.getenv("DUBAN_ARCHIVE_KEY"),
                    java.nio.file.Path.of(System.getenv().getOrDefault("DATA_DIR", "data"), cn.duban.platform.archive.ArchiveKey.FILE));
            var verdict = cn.duban.kernel.archive.ArchiveChain.verify(lines, key);
            System.out.println(verdict.valid()
                    ? "归档完好，签名有效 / archive intact and signed: " + verdict.records() + " records"
                    : "归档未通过校验 / archive not verified" + (verdict.firstBadLine() == null ? "" : " at line " + verdict.firstBadLine()) + ": " + verdict.reason());
            // With --materials=DIR, the files the archive names (each under its SHA-256) must be there and unaltered.
            var fileProblems = materials == null ? java.util.List.<String>of()
                    : cn.duban.platform.archive.ArchiveFiles.problems(lines, java.nio.file.Path.of(materials));
            if (materials != null) {
                System.out.println(fileProblems.isEmpty()
                        ? "材料文件完好 / files intact: " + cn.duban.platform.archive.ArchiveFiles.named(lines).size()
                        : String.join("\n", fileProblems));
            }
            System.exit(verdict.valid() && fileProblems.isEmpty() ? 0 : 1);
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}
