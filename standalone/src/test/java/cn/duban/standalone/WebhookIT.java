package cn.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Notices go out to DingTalk and WeCom group robots (a local receiver here), retried with back-off. */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookIT {
    static final String SECRET = "SEC-test-secret";
    static final HttpServer RECEIVER;
    static final AtomicInteger DING_CALLS = new AtomicInteger();
    static final List<String> DING_BODIES = new CopyOnWriteArrayList<>();
    static final List<String> BAD_SIGNATURES = new CopyOnWriteArrayList<>();

    static {
        try {
            RECEIVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        RECEIVER.createContext("/robot/send", exchange -> {
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            if (!query.get("sign").equals(sign(Long.parseLong(query.get("timestamp"))))) {
                BAD_SIGNATURES.add(query.toString());
            }
            DING_BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            // The robot is down for the first call, then accepts.
            boolean fail = DING_CALLS.incrementAndGet() == 1;
            byte[] answer = (fail ? "busy" : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        RECEIVER.createContext("/cgi-bin/webhook/send", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        RECEIVER.start();
    }

    static String sign(long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
        String base = "http://127.0.0.1:" + RECEIVER.getAddress().getPort();
        registry.add("duban.webhooks.channels[0].id", () -> "ding");
        registry.add("duban.webhooks.channels[0].kind", () -> "DINGTALK");
        registry.add("duban.webhooks.channels[0].url", () -> base + "/robot/send?access_token=t0");
        registry.add("duban.webhooks.channels[0].secret", () -> SECRET);
        registry.add("duban.webhooks.channels[1].id", () -> "wecom");
        registry.add("duban.webhooks.channels[1].kind", () -> "WECOM");
        registry.add("duban.webhooks.channels[1].url", () -> base + "/cgi-bin/webhook/send?key=k0");
        registry.add("duban.webhooks.max-attempts", () -> "3");
        registry.add("duban.webhooks.initial-backoff", () -> "PT0.1S");
        registry.add("duban.webhooks.poll-interval", () -> "PT0.1S");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @LocalServerPort
    int port;

    JsonNode deliveries(Api api, String status) {
        return api.get("/api/admin/webhooks/deliveries" + (status == null ? "" : "?status=" + status)).body();
    }

    @Test
    void noticesReachTheRobotsRetriedAndFailuresAreVisible() throws Exception {
        Api api = new Api(port);
        assertThat(api.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET")).status()).isEqualTo(201);
        assertThat(api.post("/api/assignments", Map.of("title", "出租房屋专项整治", "leadUnit", "xinqi",
                "deadline", LocalDate.now().plusMonths(1).toString())).status()).isEqualTo(201);

        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && (deliveries(api, "SENT").size() < 1 || deliveries(api, "FAILED").size() < 1)) {
            Thread.sleep(100);
        }
        JsonNode sent = deliveries(api, "SENT");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("channel").asText()).isEqualTo("ding");
        assertThat(sent.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(DING_CALLS.get()).isEqualTo(2);
        assertThat(BAD_SIGNATURES).isEmpty();
        JsonNode body = Api.JSON.readTree(DING_BODIES.get(1));
        assertThat(body.get("msgtype").asText()).isEqualTo("text");
        assertThat(body.at("/text/content").asText()).startsWith("【督办】新碶街道：新交办任务：").contains("出租房屋专项整治", "牵头，截止")
                .as("a group chat gets the Chinese half of the platform's messages").doesNotContain("new assignment", "lead unit");

        JsonNode failed = deliveries(api, "FAILED");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("channel").asText()).isEqualTo("wecom");
        assertThat(failed.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get(0).get("lastError").asText()).as("why, in both languages, with what the robot said")
                .isEqualTo("机器人拒收（errcode 93000: invalid webhook url） / the robot refused: errcode 93000: invalid webhook url");
        assertThat(failed.get(0).get("queuedAt").asText()).isNotBlank();
        // The channels as the lead office sees them: never the URL's key or the signing secret.
        JsonNode channels = api.get("/api/admin/webhooks/channels").body();
        assertThat(channels).hasSize(2);
        assertThat(channels.get(0).get("kind").asText()).isEqualTo("DINGTALK");
        assertThat(channels.get(0).get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(channels.toString()).doesNotContain("t0", "k0", SECRET);

        // A rebuild of the read models sends nothing again.
        assertThat(api.post("/api/admin/projections/rebuild", "").status()).isEqualTo(200);
        Thread.sleep(500);
        assertThat(deliveries(api, null)).hasSize(2);
        assertThat(DING_CALLS.get()).isEqualTo(2);

        String failedId = failed.get(0).get("id").asText();
        assertThat(api.post("/api/admin/webhooks/deliveries/" + failedId + "/retry", "").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/webhooks/deliveries/" + sent.get(0).get("id").asText() + "/retry", "").status()).isEqualTo(409);
    }
}
