package cn.duban.command.supervision;

import cn.duban.command.assignment.OpenAssignments;
import cn.duban.command.deadlines.WatchList;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationVerified;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The rectifications whose deadline may still need escalating, beside {@link OpenAssignments} in
 * the same tracking processor: ordered, and neither verified nor escalated yet.
 */
@Component
@ProcessingGroup(OpenAssignments.GROUP)
public class OpenRectifications {
    static final String COLLECTION = "rectification_watch";
    private final WatchList open;

    public OpenRectifications(MongoDatabase db) {
        this.open = new WatchList(db.getCollection(COLLECTION));
    }

    @EventHandler
    void on(RectificationOrdered e) {
        open.watch(e.rectificationId());
    }

    @EventHandler
    void on(RectificationVerified e) {
        open.unwatch(e.rectificationId());
    }

    @EventHandler
    void on(RectificationEscalated e) {
        open.unwatch(e.rectificationId());
    }

    public List<String> ids() {
        return open.ids();
    }

    @ResetHandler
    void reset() {
        open.drop();
    }
}
