package cn.duban.query.webhook;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.query.webhook.WebhookProperties.Channel;
import cn.duban.query.webhook.WebhookProperties.Kind;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook outbox on the embedded database: what the sender is handed, and what its poll reads. */
class WebhookDeliveriesTest extends ProjectionTestBase {
    WebhookDeliveries outbox;

    @BeforeEach
    void outbox() {
        outbox = new WebhookDeliveries(harness.db, new WebhookProperties(List.of(
                new Channel("ding", Kind.DINGTALK, "http://127.0.0.1:1/robot/send", null),
                new Channel("wecom", Kind.WECOM, "http://127.0.0.1:1/cgi-bin/webhook/send", null)), 3, null, null));
    }

    List<String> dueIds(Instant at) {
        return outbox.due(at).stream().map(d -> d.getString("_id")).sorted().toList();
    }

    long listed() {
        return harness.db.getCollection(WebhookDeliveries.DUE).countDocuments();
    }

    @Test
    void onlyPendingDeliveriesAreListedAndHandedToTheSenderWhenDue() {
        Instant later = Instant.now().plusSeconds(60);
        outbox.enqueue("n1", "xinqi", "【督办】新碶街道：新交办任务");
        outbox.enqueue("n2", "gafj", "【督办】公安分局：新交办任务");
        assertThat(dueIds(later)).containsExactly("n1@ding", "n1@wecom", "n2@ding", "n2@wecom");

        outbox.sent("n1@ding", Instant.now());
        outbox.failed("n1@wecom", 1, "HTTP 500", later.plusSeconds(60), false);
        outbox.failed("n2@wecom", 3, "errcode 93000", later, true);
        assertThat(dueIds(later)).as("one sent, one waiting out its back-off, one given up").containsExactly("n2@ding");
        assertThat(dueIds(later.plusSeconds(61))).containsExactly("n1@wecom", "n2@ding");
        assertThat(listed()).as("the poll's list holds the pending deliveries alone").isEqualTo(2);

        // A redelivered event queues nothing twice; its list entry goes at the next poll.
        outbox.enqueue("n1", "xinqi", "【督办】新碶街道：新交办任务");
        assertThat(dueIds(later.plusSeconds(61))).containsExactly("n1@wecom", "n2@ding");
        assertThat(listed()).isEqualTo(2);
        assertThat(outbox.list(null)).hasSize(4);

        assertThat(outbox.retry("n2@wecom")).isTrue();
        assertThat(outbox.retry("n1@ding")).as("a sent message is not sent again").isFalse();
        assertThat(dueIds(later.plusSeconds(61))).containsExactly("n1@wecom", "n2@ding", "n2@wecom");
        assertThat(outbox.list("PENDING")).extracting(WebhookDeliveries.Delivery::attempts).containsOnly(0, 1);
    }

    @Test
    void aListEntryWhoseDeliveryIsNotYetStoredIsKeptForTheNextPoll() {
        // The state a crash between listing and storing leaves, or the sender polling in between.
        harness.db.getCollection(WebhookDeliveries.DUE).insertOne(new Document("_id", "n9@ding").append("at", new java.util.Date()));
        assertThat(dueIds(Instant.now().plusSeconds(1))).isEmpty();
        assertThat(listed()).isEqualTo(1);
        outbox.enqueue("n9", "xinqi", "【督办】新碶街道：新交办任务");
        assertThat(dueIds(Instant.now().plusSeconds(1))).containsExactly("n9@ding", "n9@wecom");
    }
}
