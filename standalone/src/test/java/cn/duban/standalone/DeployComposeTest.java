package cn.duban.standalone;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/docker-compose.yml is valid Compose (checked by Debian's docker-compose; no Docker engine
 * runs here). In CI the tool must be present (.ci/run installs it); elsewhere the check is skipped
 * when it is missing.
 */
class DeployComposeTest {
    static final Path COMPOSE = Path.of("..", "deploy", "docker-compose.yml");

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void composeFileIsValid() throws Exception {
        boolean ci = System.getenv("CI") != null;
        if (!ci) {
            Assumptions.assumeTrue(onPath("docker-compose"), "docker-compose not installed (apt-get install docker-compose)");
        }
        assertThat(onPath("docker-compose")).as("CI must install docker-compose").isTrue();
        Process p = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
    }

    @Test
    void bothSidesRunTwoReplicasOnAThreeNodeReplicaSet() throws Exception {
        String compose = Files.readString(COMPOSE);
        assertThat(compose).contains("mongo1:", "mongo2:", "mongo3:", "replicaSet=rs0", "command-side:", "query-side:");
        assertThat(compose.split("replicas: 2", -1)).hasSize(3);
        assertThat(Path.of("..", "deploy", "command-side.Dockerfile")).exists();
        assertThat(Path.of("..", "deploy", "query-side.Dockerfile")).exists();
    }
}
