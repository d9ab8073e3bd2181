package cn.duban.command.deadlines;

import cn.duban.kernel.event.AssignmentCancelled;
import cn.duban.kernel.event.AssignmentCompleted;
import cn.duban.kernel.event.AssignmentIssued;
import cn.duban.kernel.event.AssignmentReopened;
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
 * The deadline scheduler's queue: the assignments not yet closed, kept from the events by a
 * tracking processor of the command side, so it survives restarts and catches up after them.
 */
@Component
@ProcessingGroup(OpenAssignments.GROUP)
public class OpenAssignments {
    public static final String GROUP = "deadline-watch";
    static final String COLLECTION = "deadline_watch";
    private final MongoCollection<Document> open;

    public OpenAssignments(MongoDatabase db) {
        this.open = db.getCollection(COLLECTION);
    }

    @EventHandler
    void on(AssignmentIssued e) {
        watch(e.assignmentId());
    }

    @EventHandler
    void on(AssignmentReopened e) {
        watch(e.assignmentId());
    }

    @EventHandler
    void on(AssignmentCompleted e) {
        open.deleteOne(Filters.eq("_id", e.assignmentId()));
    }

    @EventHandler
    void on(AssignmentCancelled e) {
        open.deleteOne(Filters.eq("_id", e.assignmentId()));
    }

    private void watch(String assignmentId) {
        open.replaceOne(Filters.eq("_id", assignmentId), new Document("_id", assignmentId), new ReplaceOptions().upsert(true));
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
