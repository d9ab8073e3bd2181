package cn.duban.query.webhook;

import cn.duban.kernel.error.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "运维 Admin")
public class WebhookController {
    private final WebhookDeliveries deliveries;
    private final WebhookProperties props;

    public WebhookController(WebhookDeliveries deliveries, WebhookProperties props) {
        this.deliveries = deliveries;
        this.props = props;
    }

    @GetMapping("/deliveries")
    @Operation(summary = "推送记录 / webhook deliveries", description = "status=PENDING, SENT or FAILED (with the last error).")
    public List<WebhookDeliveries.Delivery> list(@RequestParam(required = false) @jakarta.validation.constraints.Pattern(
            regexp = "PENDING|SENT|FAILED", message = "取值须为 / must be one of：[PENDING, SENT, FAILED]") String status) {
        return deliveries.list(status);
    }

    /** A channel as the lead office sees it: never its URL's token or its signing secret. */
    public record ChannelView(String id, String kind, String host) {
    }

    @GetMapping("/channels")
    @Operation(summary = "推送渠道 / the group robots notices go to: id, kind (DINGTALK or WECOM) and the robot's host; never the token or secret")
    public List<ChannelView> channels() {
        return props.channels().stream().map(c -> new ChannelView(c.id(), c.kind() == null ? null : c.kind().name(), host(c.url()))).toList();
    }

    private static String host(String url) {
        try {
            return url == null ? null : java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null; // a URL the sender cannot use either; its deliveries fail and say why
        }
    }

    @PostMapping("/deliveries/{id}/retry")
    @Operation(summary = "重新推送 / send a failed delivery again")
    public Map<String, String> retry(@PathVariable String id) {
        if (!deliveries.retry(id)) {
            throw new ConflictException("只有失败的推送可以重试 / only a FAILED delivery can be retried");
        }
        return Map.of("id", id, "status", "PENDING");
    }
}
