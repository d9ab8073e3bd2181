package cn.duban.query.webhook;

import cn.duban.query.webhook.WebhookProperties.Channel;
import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.DurabilityBarrier;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends queued messages in the text format of DingTalk and WeCom group robots. A failure (network,
 * HTTP status, or the robot's non-zero {@code errcode}) is retried with doubling back-off; after the
 * last attempt the delivery is FAILED and listed for the lead office.
 */
@Component
public class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private final WebhookDeliveries deliveries;
    private final WebhookProperties props;
    private final HttpClient http;
    private final DurabilityBarrier durability;
    private final Clock clock = Clock.systemUTC();

    @org.springframework.beans.factory.annotation.Autowired
    public WebhookSender(WebhookDeliveries deliveries, WebhookProperties props, DurabilityBarrier durability) {
        this.deliveries = deliveries;
        this.props = props;
        this.durability = durability;
        this.http = HttpClient.newBuilder().connectTimeout(props.timeout()).build();
    }

    WebhookSender(WebhookDeliveries deliveries, WebhookProperties props) {
        this(deliveries, props, DurabilityBarrier.WRITE_CONCERN);
    }

    @Scheduled(fixedDelayString = "${duban.webhooks.poll-interval:PT2S}")
    public void sendDue() {
        if (props.channels().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Document> due = deliveries.due(now);
        if (!due.isEmpty()) {
            // The projections may have queued these from events whose commit is still being written
            // (the event store wakes its readers before it); a message sent out cannot be taken back.
            durability.awaitDurable();
        }
        for (Document d : due) {
            Optional<Channel> channel = props.channels().stream().filter(c -> c.id().equals(d.getString("channel"))).findFirst();
            int attempts = d.getInteger("attempts", 0) + 1;
            String error = channel.isEmpty() ? "该推送渠道已不在配置中 / the channel is no longer configured" : send(channel.get(), d.getString("content"), now);
            if (error == null) {
                deliveries.sent(d.getString("_id"), clock.instant());
            } else {
                boolean givenUp = attempts >= props.maxAttempts() || channel.isEmpty();
                Duration backoff = props.initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
                deliveries.failed(d.getString("_id"), attempts, error, now.plus(backoff), givenUp);
                if (givenUp) {
                    log.warn("Webhook delivery {} failed for good after {} attempts: {}", d.getString("_id"), attempts, error);
                }
            }
        }
    }

    /**
     * @return null when the robot accepted the message, else why not, in both languages (the lead
     * office reads it on 消息推送); what the robot or the network said is kept as it came
     */
    String send(Channel channel, String content, Instant now) {
        try {
            String url = channel.url();
            if (channel.kind() == WebhookProperties.Kind.DINGTALK && channel.secret() != null && !channel.secret().isBlank()) {
                long timestamp = now.toEpochMilli();
                url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                        + URLEncoder.encode(dingTalkSign(timestamp, channel.secret()), StandardCharsets.UTF_8);
            }
            byte[] body = Json.mapper().writeValueAsBytes(Map.of("msgtype", "text", "text", Map.of("content", content)));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(props.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return "机器人服务返回错误（HTTP " + response.statusCode() + "） / the robot answered HTTP " + response.statusCode();
            }
            JsonNode answer = Json.mapper().readTree(response.body().isBlank() ? "{}" : response.body());
            if (answer.path("errcode").asInt(0) != 0) {
                String said = "errcode " + answer.path("errcode").asInt() + ": " + answer.path("errmsg").asText();
                return "机器人拒收（" + said + "） / the robot refused: " + said;
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "发送被中断 / interrupted";
        } catch (Exception e) {
            return unreachable(e);
        }
    }

    /** Why the robot could not be reached, in words where the cause is a common one; otherwise what the JDK said, kept. */
    static String unreachable(Exception e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "无法连接机器人：连接超时 / could not reach the robot: timed out connecting";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "机器人未在时限内应答 / the robot did not answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "无法连接机器人：连接被拒绝 / could not reach the robot: connection refused";
        }
        if (e instanceof java.net.UnknownHostException || e instanceof java.nio.channels.UnresolvedAddressException) {
            return "无法连接机器人：找不到该地址 / could not reach the robot: unknown host";
        }
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return "无法连接机器人（" + why + "） / could not reach the robot: " + why;
    }

    /** DingTalk's robot signature: Base64(HmacSHA256(timestamp + "\n" + secret)) keyed by the secret. */
    static String dingTalkSign(long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }
}
