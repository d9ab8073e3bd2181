package cn.duban.query.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Group robots a district sends its notices to, e.g.
 * {@code duban.webhooks.channels[0].kind=DINGTALK}, {@code .url=https://oapi.dingtalk.com/robot/send?access_token=…},
 * {@code .secret=SEC…} (DingTalk's signing secret; WeCom puts its key in the URL).
 */
@ConfigurationProperties(prefix = "duban.webhooks")
public record WebhookProperties(List<Channel> channels, Integer maxAttempts, Duration initialBackoff, Duration timeout) {
    public enum Kind { DINGTALK, WECOM }

    public record Channel(String id, Kind kind, String url, String secret) {
    }

    public WebhookProperties {
        channels = channels == null ? List.of() : channels;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(2) : initialBackoff;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
