package cn.duban.command.deadlines;

import cn.duban.kernel.event.RectificationEscalated;
import cn.duban.kernel.event.RectificationOrdered;
import cn.duban.kernel.event.RectificationVerified;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The rectifications whose deadline may still need escalating, beside {@link OpenAssignments} in
 * the same tracking processor: ordered, and neither verified nor escalated yet.
 */
@Component
@ProcessingGroup(OpenAssignments.GROUP)
public class OpenRectifications {
    static final String COLLECTION = "rectification_watch";
    private final MongoCollection<Document> open;

    public OpenRectifications(MongoDatabase db) {
        this.open = db.getCollection(COLLECTION);
    }

    @EventHandler
    void on(RectificationOrdered e) {
        open.replaceOne(Filters.eq("_id", e.rectificationId()), new Document("_id", e.rectificationId()), new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(RectificationVerified e) {
        open.deleteOne(Filters.eq("_id", e.rectificationId()));
    }

    @EventHandler
    void on(RectificationEscalated e) {
        open.deleteOne(Filters.eq("_id", e.rectificationId()));
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        open.find().forEach(d -> ids.add(d.getString("_id")));
        ids.sort(String::compareTo);
        return ids;
    }

    @ResetHandler
    void reset() {
        open.drop();
    }
}
