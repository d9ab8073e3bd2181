package cn.duban.query.assessment;

import cn.duban.query.common.Actors;
import cn.duban.query.common.Positions;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.assessment.ResultsPublished;
import cn.duban.query.common.Documents;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read model {@code notices}: the published 通报 — which scheme, when, by whom; their figures are recomputed as of {@code publishedAt}. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class NoticesProjection {
    public static final String COLLECTION = "notices";

    public static final class NoticeView {
        public String id;
        public String schemeId;
        public String title;
        /** The wording it was published in; null for notices published before it was recorded ({@link cn.duban.kernel.assessment.NoticeTemplate#orFirst}). */
        public cn.duban.kernel.assessment.NoticeTemplate template;
        public Instant publishedAt;
        public long position;
        public String publishedBy;
        public List<String> eventIds = new ArrayList<>();
    }

    private final Documents<NoticeView> notices;

    public NoticesProjection(MongoDatabase db) {
        this.notices = documents(db);
    }

    public static Documents<NoticeView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), NoticeView.class, v -> v.id, v -> v.eventIds);
    }

    @EventHandler
    void on(ResultsPublished e, EventMessage<?> m, TrackingToken t) {
        NoticeView v = new NoticeView();
        v.id = e.noticeId();
        v.schemeId = e.schemeId();
        v.title = e.title();
        v.template = e.template();
        v.publishedAt = RecordingTime.of(m);
        v.position = Positions.of(t);
        v.publishedBy = Actors.of(m);
        notices.create(m.getIdentifier(), v);
    }

    @ResetHandler
    void reset() {
        notices.drop();
    }
}
