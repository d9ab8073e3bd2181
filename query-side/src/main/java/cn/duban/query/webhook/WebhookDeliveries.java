package cn.duban.query.webhook;

import cn.duban.query.webhook.WebhookProperties.Channel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
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
 *
 * <p>Beside it, {@code webhook_due} lists the deliveries still to be tried and when, so the sender's
 * poll every two seconds reads only those rather than every message ever sent (the embedded server
 * answers a query on status by reading the whole collection, issue 14). An entry is written before
 * what it points to changes and removed after: a crash between the two leaves an entry too many,
 * which the sender drops when it finds the delivery no longer pending, never a pending delivery
 * missing from the list.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookDeliveries {
    static final String COLLECTION = "webhook_deliveries";
    static final String DUE = "webhook_due";
    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> due;
    private final WebhookProperties props;
    private final Clock clock = Clock.systemUTC();
    /** Held while a retry lists a delivery again, and while the sender reads a listed one and drops it if not pending. */
    private final Object listing = new Object();

    public WebhookDeliveries(MongoDatabase db, WebhookProperties props) {
        this.deliveries = db.getCollection(COLLECTION);
        this.due = db.getCollection(DUE);
        this.props = props;
    }

    /** @param queuedAt when the notice was queued for the channel (absent on deliveries queued before it was recorded) */
    public record Delivery(String id, String channel, String kind, String notificationId, String unitId, String content,
                           String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt, Instant queuedAt) {
    }

    /** Queues a message for every configured channel, once per notification. */
    public void enqueue(String notificationId, String unitId, String content) {
        for (Channel c : props.channels()) {
            String id = notificationId + "@" + c.id();
            Date now = Date.from(clock.instant());
            // First on the list: a crash before the delivery is stored redelivers the event, which stores it then.
            dueAt(id, now);
            try {
                deliveries.insertOne(new Document("_id", id).append("channel", c.id()).append("kind", c.kind().name())
                        .append("notificationId", notificationId).append("unitId", unitId).append("content", content)
                        .append("status", "PENDING").append("attempts", 0).append("nextAttemptAt", now).append("queuedAt", now));
            } catch (MongoWriteException e) {
                if (!MongoDuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                // already queued (redelivered event, or a rebuild): sent once only
            }
        }
    }

    /** The pending deliveries whose next attempt is due by {@code now}; list entries that point to none pending are dropped. */
    List<Document> due(Instant now) {
        List<Document> out = new ArrayList<>();
        for (Document entry : due.find(Filters.lte("at", Date.from(now))).into(new ArrayList<>())) {
            String id = entry.getString("_id");
            Document d;
            // Read and dropped under the lock a retry lists under, so a retry's entry is never dropped.
            synchronized (listing) {
                d = deliveries.find(Filters.eq("_id", id)).first();
                if (d == null) {
                    continue; // listed a moment before it is stored (enqueue), or its event is being handled again
                }
                if (!"PENDING".equals(d.getString("status"))) {
                    due.deleteOne(Filters.eq("_id", id));
                    continue;
                }
            }
            if (!d.getDate("nextAttemptAt").after(Date.from(now))) {
                out.add(d);
            }
        }
        return out;
    }

    void sent(String id, Instant at) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", "SENT"), Updates.inc("attempts", 1),
                Updates.set("sentAt", Date.from(at)), Updates.unset("lastError")));
        due.deleteOne(Filters.eq("_id", id));
    }

    void failed(String id, int attempts, String error, Instant nextAttemptAt, boolean givenUp) {
        deliveries.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", givenUp ? "FAILED" : "PENDING"),
                Updates.set("attempts", attempts), Updates.set("lastError", error), Updates.set("nextAttemptAt", Date.from(nextAttemptAt))));
        if (givenUp) {
            due.deleteOne(Filters.eq("_id", id));
        } else {
            dueAt(id, Date.from(nextAttemptAt));
        }
    }

    private void dueAt(String id, Date at) {
        due.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("at", at), new ReplaceOptions().upsert(true));
    }

    /** The deliveries (of one status, or all), the latest queued first; those queued before it was recorded last. */
    public List<Delivery> list(String status) {
        List<Delivery> out = new ArrayList<>();
        deliveries.find(status == null ? new Document() : Filters.eq("status", status)).forEach(d -> out.add(new Delivery(
                d.getString("_id"), d.getString("channel"), d.getString("kind"), d.getString("notificationId"), d.getString("unitId"),
                d.getString("content"), d.getString("status"), d.getInteger("attempts", 0),
                d.getDate("nextAttemptAt") == null ? null : d.getDate("nextAttemptAt").toInstant(), d.getString("lastError"),
                d.getDate("sentAt") == null ? null : d.getDate("sentAt").toInstant(),
                d.getDate("queuedAt") == null ? null : d.getDate("queuedAt").toInstant())));
        out.sort(java.util.Comparator.comparing(Delivery::queuedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))
                .thenComparing(Delivery::id));
        return out;
    }

    /** Sends a failed delivery again from the first attempt (the lead office, after fixing the robot). */
    public boolean retry(String id) {
        Date now = Date.from(clock.instant());
        synchronized (listing) {
            // Only a failed delivery is listed again: the entry of a pending one must not move.
            if (deliveries.find(Filters.and(Filters.eq("_id", id), Filters.eq("status", "FAILED"))).first() == null) {
                return false;
            }
            dueAt(id, now); // listed first, as at enqueue
            return deliveries.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "FAILED")), Updates.combine(
                    Updates.set("status", "PENDING"), Updates.set("attempts", 0), Updates.set("nextAttemptAt", now)))
                    .getModifiedCount() == 1;
        }
    }
}
