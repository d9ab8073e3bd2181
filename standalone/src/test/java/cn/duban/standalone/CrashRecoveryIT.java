package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the platform's process (SIGKILL) while commands are being acknowledged and starts it again
 * on the same data directory: every acknowledged command's event is there, none is handled twice,
 * and the read models catch up.
 */
class CrashRecoveryIT {
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    Process start(Path dataDir, int port, Path log) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, DubanApplication.class.getName())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("DATA_DIR", dataDir.toString());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().remove("MONGODB_URI");
        pb.environment().put("DUBAN_ADMIN_PASSWORD", TestData.ADMIN_PASSWORD);
        pb.environment().put("DUBAN_SECURITY_ARGON2_MEMORY_KIB", "1024");
        pb.environment().put("DUBAN_SECURITY_ARGON2_ITERATIONS", "1");
        return pb.start();
    }

    static void awaitUp(Api api, Process p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("platform process died during start-up").isTrue();
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("platform did not start");
    }

    @Test
    void acknowledgedCommandsSurviveAKillAndNothingIsHandledTwice() throws Exception {
        Path dataDir = TestData.newDataDir();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = TestData.freePort();
        Api api = new Api(port);
        process = start(dataDir, port, log);
        awaitUp(api, process);
        assertThat(api.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET")).status()).isEqualTo(201);
        assertThat(api.post("/api/schemes", Workload.SCHEME_JSON).status()).isEqualTo(201);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(5);
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        Api.Response r = api.post("/api/units/xinqi/trainings",
                                Map.of("heldOn", "2023-03-10", "topic", "crash-" + writer + "-" + i, "attendees", 10, "hours", 1));
                        if (r.status() == 201) {
                            acknowledged.add(r.id());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        // Beside them, runs of twenty figures in one request each: a run's acts are made durable together,
        // before its answer, and every one a run acknowledged is there after the kill too.
        AtomicBoolean runAcknowledged = new AtomicBoolean();
        ConcurrentLinkedQueue<String> figuresAcknowledged = new ConcurrentLinkedQueue<>();
        writers.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                List<Map<String, Object>> figures = new ArrayList<>();
                for (int f = 0; f < 20; f++) {
                    figures.add(Map.of("unitId", "xinqi", "indicator", "registration_rate", "year", 2023, "value", 90 + (i * 20 + f) % 100 / 10.0));
                }
                try {
                    Api.Response r = api.post("/api/indicator-figures", Map.of("figures", figures));
                    if (r.status() == 200) {
                        assertThat(r.body().get("done").asInt()).isEqualTo(20);
                        r.body().get("results").forEach(result -> figuresAcknowledged.add(result.get("id").asText()));
                        runAcknowledged.set(true);
                    }
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((acknowledged.size() < 150 || !runAcknowledged.get()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        stop.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Set<String> acked = new HashSet<>(acknowledged);
        assertThat(acked).hasSizeGreaterThanOrEqualTo(100);
        assertThat(runAcknowledged).as("a run was acknowledged before the kill").isTrue();

        process = start(dataDir, port, log);
        awaitUp(api, process);
        // The read models catch up with the store; then every acknowledged training is there once.
        long head = api.get("/actuator/health").body().at("/components/database/details/eventStoreHead").asLong();
        JsonNode facts = null;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            facts = api.get("/api/units/xinqi/facts").body();
            if (facts.size() > 0 && facts.get(facts.size() - 1).get("position").asLong() >= head - 0) {
                break;
            }
            Thread.sleep(200);
        }
        List<String> subjects = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        for (JsonNode f : facts) {
            if (f.has("subjectId")) {
                subjects.add(f.get("subjectId").asText());
            }
            assertThat(eventIds.add(f.get("eventId").asText())).as("event handled twice: %s", f).isTrue();
        }
        assertThat(new HashSet<>(subjects)).hasSameSizeAs(subjects).containsAll(acked);
        JsonNode points = api.get("/api/units/xinqi/timeline?scheme=beilun-2023").body().get("points");
        Set<String> pointEvents = new HashSet<>();
        points.forEach(p -> assertThat(pointEvents.add(p.at("/event/id").asText())).isTrue());
        assertThat(pointEvents).isEqualTo(eventIds);
        for (String figure : figuresAcknowledged) {
            assertThat(api.get("/api/records/" + figure).status()).as("figure %s of an acknowledged run", figure).isEqualTo(200);
        }
        // And the platform still takes commands.
        assertThat(api.post("/api/units/xinqi/trainings", Map.of("heldOn", "2023-04-10", "topic", "after")).status()).isEqualTo(201);
        assertThat(new File(dataDir.toFile(), "duban.mv.db")).exists();
    }
}
