package cn.duban.query.webhook;

import cn.duban.query.webhook.WebhookProperties.Channel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.MongoWriteException;
import cn.duban.platform.eventstore.MongoDuplicateKeys;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The outbox of webhook messages ({@code webhook_deliveries}): one document per notification and
 * channel. It is not a read model and survives rebuilds, so rebuilding never sends a message twice.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookDeliveries {
    static final String COLLECTION = "webhook_deliveries";
    private final MongoCollection<Document> deliveries;
    private final WebhookProperties props;
    private final Clock clock = Clock.systemUTC();

    public WebhookDeliveries(MongoDatabase db, WebhookProperties props) {
        this.deliveries = db.getCollection(COLLECTION);
        this.props = props;
    }

    public record Delivery(String id, String channel, String kind, String notificationId, String unitId, String content,
                           String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }

    /** Queues a message for every configured channel, once per notification. */
    public void enqueue(String notificationId, String unitId, String content) {
        for (Channel c : props.channels()) {
            String id = notificationId + "@" + c.id();
            try {
                deliveries.insertOne(new Document("_id", id).append("channel", c.id()).append("kind", c.kind().name())
                        .append("notificationId", notificationId).append("unitId", unitId).append("content", content)
                        .append("status", "PENDING").append("attempts", 0).append("nextAttemptAt", Date.from(clock.instant())));
            } catch (MongoWriteException e) {
                if (!MongoDuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                // already queued (redelivered event, or a rebuild): sent once only
            }
        }
    }

    List<Document> due(Instant now) {
        return deliveries.find(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", Date.from(now))))
                .into(new ArrayList<>());
    }

    void sent(String id, Instant at) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "SENT"), Updates.inc("attempts", 1),
                Updates.set("sentAt", Date.from(at)), Updates.unset("lastError")));
    }

    void failed(String id, int attempts, String error, Instant nextAttemptAt, boolean givenUp) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", givenUp ? "FAILED" : "PENDING"),
                Updates.set("attempts", attempts), Updates.set("lastError", error), Updates.set("nextAttemptAt", Date.from(nextAttemptAt))));
    }

    public List<Delivery> list(String status) {
        List<Delivery> out = new ArrayList<>();
        deliveries.find(status == null ? new Document() : Filters.eq("status", status)).forEach(d -> out.add(new Delivery(
                d.getString("_id"), d.getString("channel"), d.getString("kind"), d.getString("notificationId"), d.getString("unitId"),
                d.getString("content"), d.getString("status"), d.getInteger("attempts", 0),
                d.getDate("nextAttemptAt") == null ? null : d.getDate("nextAttemptAt").toInstant(), d.getString("lastError"),
                d.getDate("sentAt") == null ? null : d.getDate("sentAt").toInstant())));
        return out;
    }

    /** Sends a failed delivery again from the first attempt (the lead office, after fixing the robot). */
    public boolean retry(String id) {
        return deliveries.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "FAILED")), Updates.combine(
                Updates.set("status", "PENDING"), Updates.set("attempts", 0), Updates.set("nextAttemptAt", Date.from(clock.instant()))))
                .getModifiedCount() == 1;
    }
}
