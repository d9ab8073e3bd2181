package cn.duban.command.scheme;

import cn.duban.command.deadlines.WatchList;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemeReportingClosed;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** The schemes whose reporting deadline is still to pass, for the deadline checker: named a deadline, not closed yet. */
@Component
@ProcessingGroup(WatchList.GROUP)
public class OpenSchemeReporting {
    static final String COLLECTION = "scheme_reporting_watch";
    private final WatchList open;

    public OpenSchemeReporting(MongoDatabase db) {
        this.open = new WatchList(db.getCollection(COLLECTION));
    }

    @EventHandler
    void on(SchemeDrafted e) {
        if (e.document().reportingDeadline() != null) {
            open.watch(e.schemeId());
        }
    }

    @EventHandler
    void on(SchemeReportingClosed e) {
        open.unwatch(e.schemeId());
    }

    public List<String> ids() {
        return open.ids();
    }

    @ResetHandler
    void reset() {
        open.drop();
    }
}
