package cn.duban.command.assignment;

import cn.duban.command.deadlines.WatchList;
import cn.duban.kernel.assignment.AssignmentCancelled;
import cn.duban.kernel.assignment.AssignmentCompleted;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentReopened;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The deadline scheduler's queue: the assignments not yet closed, kept from the events by a
 * tracking processor of the command side, so it survives restarts and catches up after them.
 */
@Component
@ProcessingGroup(OpenAssignments.GROUP)
public class OpenAssignments {
    public static final String GROUP = WatchList.GROUP;
    static final String COLLECTION = "deadline_watch";
    private final WatchList open;

    public OpenAssignments(MongoDatabase db) {
        this.open = new WatchList(db.getCollection(COLLECTION));
    }

    @EventHandler
    void on(AssignmentIssued e) {
        open.watch(e.assignmentId());
    }

    @EventHandler
    void on(AssignmentReopened e) {
        open.watch(e.assignmentId());
    }

    @EventHandler
    void on(AssignmentCompleted e) {
        open.unwatch(e.assignmentId());
    }

    @EventHandler
    void on(AssignmentCancelled e) {
        open.unwatch(e.assignmentId());
    }

    public List<String> ids() {
        return open.ids();
    }

    @ResetHandler
    void reset() {
        open.drop();
    }
}
