package cn.duban.query.webhook;

import cn.duban.query.webhook.WebhookProperties.Channel;
import cn.duban.query.webhook.WebhookProperties.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Why a message did not get through, as the lead office reads it on 消息推送: words, not an exception's class. */
class WebhookSenderTest {
    @Test
    void aRobotThatRefusesTheConnectionIsSaidSoInBothLanguages() {
        WebhookProperties props = new WebhookProperties(List.of(), 1, null, Duration.ofSeconds(2));
        WebhookSender sender = new WebhookSender(null, props);
        // Port 1 on this machine: nothing listens there, so the connection is refused at once.
        assertThat(sender.send(new Channel("ding", Kind.DINGTALK, "http://127.0.0.1:1/robot/send", null), "【督办】测试", Instant.now()))
                .isEqualTo("无法连接机器人：连接被拒绝 / could not reach the robot: connection refused");
    }

    @Test
    void aCauseWithoutWordsKeepsWhatTheJdkSaid() {
        assertThat(WebhookSender.unreachable(new IOException("stream closed")))
                .isEqualTo("无法连接机器人（IOException: stream closed） / could not reach the robot: IOException: stream closed");
        assertThat(WebhookSender.unreachable(new java.net.UnknownHostException("robot.example"))).startsWith("无法连接机器人：找不到该地址 / ");
    }
}
