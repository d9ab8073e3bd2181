package cn.duban.query.webhook;

import cn.duban.kernel.Words;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 消息推送 shows each robot's kind and each delivery's status in words, never DINGTALK or FAILED. */
class WebhookWordsTest {
    @Test
    void everyRobotKindAndEveryDeliveryStatusHasWords() {
        assertThat(Words.codes("webhookKind")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(WebhookProperties.Kind.values()).map(Enum::name).toList());
        // the statuses a delivery is stored with: queued, sent, given up
        assertThat(Words.codes("webhookStatus")).containsExactlyInAnyOrderElementsOf(List.of("PENDING", "SENT", "FAILED"));
        assertThat(Words.zh("webhookKind", "DINGTALK")).isEqualTo("钉钉群机器人");
    }
}
