package cn.duban.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ready means ready: while `--demo` loads, the page is up but the health endpoint is not UP (the
 * sign-in page waits on it), and a sign-in is answered "starting" (503), not "wrong password", and
 * counts toward no lock-out.
 */
class StartupReadinessIT {
    @Test
    void notUpWhileTheDemoLoadsAndFailedSignInsThenDoNotCount() throws Exception {
        int port = TestData.freePort();
        String[] args = {"--demo", "--server.port=" + port, "--duban.data-dir=" + TestData.newDataDir(), "--duban.mongodb-uri=",
                "--duban.deadlines.initial-delay=PT24H", "--duban.admin-password=" + TestData.ADMIN_PASSWORD};
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(DubanApplication.class).run(args));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://localhost:" + port;
        String wrong = "Basic " + Base64.getEncoder().encodeToString(("admin:not-the-password").getBytes(StandardCharsets.UTF_8));
        boolean sawStarting = false;
        int failedWhileStarting = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!starting.isDone() && System.nanoTime() < deadline) {
                HttpResponse<String> health;
                try {
                    // What the sign-in page waits for.
                    health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notListeningYet) {
                    Thread.sleep(50);
                    continue;
                }
                if (health.statusCode() == 503 && !starting.isDone()) {
                    assertThat(health.body()).contains("OUT_OF_SERVICE");
                    sawStarting = true;
                    assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/login.html")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                    if (failedWhileStarting < 8) {
                        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Authorization", wrong).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (!starting.isDone()) {
                            // "starting", not "wrong password": a sign-in cannot succeed yet
                            assertThat(refused.statusCode()).isEqualTo(503);
                            assertThat(refused.body()).contains("STARTING", "正在启动");
                            failedWhileStarting++;
                        }
                    }
                }
                Thread.sleep(50);
            }
            try (ConfigurableApplicationContext ctx = starting.get(120, TimeUnit.SECONDS)) {
                assertThat(sawStarting).as("the health endpoint said so while the demo loaded").isTrue();
                assertThat(failedWhileStarting).isGreaterThanOrEqualTo(5);
                HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(up.statusCode()).isEqualTo(200);
                assertThat(up.body()).contains("\"UP\"");
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                // Five failures would lock the account for 30 s; made while starting, they did not count.
                Api admin = new Api(port);
                assertThat(admin.get("/api/me").status()).isEqualTo(200);
            }
        } finally {
            if (!starting.isDone()) {
                starting.cancel(true);
            }
        }
    }
}
