package cn.duban.command.supervision;

import cn.duban.command.deadlines.WatchList;
import cn.duban.kernel.supervision.CopyNoticeAnswered;
import cn.duban.kernel.supervision.CopyNoticeEscalated;
import cn.duban.kernel.supervision.CopyNoticeSent;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** The 抄告单 whose deadline may still need escalating: sent, and neither answered nor escalated yet. */
@Component
@ProcessingGroup(WatchList.GROUP)
public class OpenCopyNotices {
    static final String COLLECTION = "copy_notice_watch";
    private final WatchList open;

    public OpenCopyNotices(MongoDatabase db) {
        this.open = new WatchList(db.getCollection(COLLECTION));
    }

    @EventHandler
    void on(CopyNoticeSent e) {
        open.watch(e.noticeId());
    }

    @EventHandler
    void on(CopyNoticeAnswered e) {
        open.unwatch(e.noticeId());
    }

    @EventHandler
    void on(CopyNoticeEscalated e) {
        open.unwatch(e.noticeId());
    }

    public List<String> ids() {
        return open.ids();
    }

    @ResetHandler
    void reset() {
        open.drop();
    }
}
