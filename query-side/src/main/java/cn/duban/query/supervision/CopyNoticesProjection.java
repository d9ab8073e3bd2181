package cn.duban.query.supervision;

import cn.duban.kernel.supervision.CopyNoticeAnswered;
import cn.duban.kernel.supervision.CopyNoticeEscalated;
import cn.duban.kernel.supervision.CopyNoticeSent;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.query.common.Actors;
import cn.duban.query.common.Documents;
import cn.duban.query.common.ProjectionGroups;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Read model {@code copy_notices}: each 抄告单, its deadline, the answer and whether it was escalated. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class CopyNoticesProjection {
    public static final String COLLECTION = "copy_notices";

    public static final class CopyNoticeView {
        public String id;
        /** The sending department, or null for the lead office. */
        public String fromUnitId;
        public String toUnitId;
        public String subject;
        public String text;
        public String sentBy;
        public Instant sentAt;
        public LocalDate sentOn;
        public LocalDate dueOn;
        /** SENT, ANSWERED or ESCALATED. */
        public String status;
        public String answer;
        public String answeredBy;
        public LocalDate answeredOn;
        public LocalDate escalatedOn;
        public List<String> eventIds = new ArrayList<>();
    }

    private final Documents<CopyNoticeView> notices;

    public CopyNoticesProjection(MongoDatabase db) {
        this.notices = documents(db);
    }

    public static Documents<CopyNoticeView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), CopyNoticeView.class, v -> v.id, v -> v.eventIds);
    }

    @EventHandler
    void on(CopyNoticeSent e, EventMessage<?> m) {
        CopyNoticeView v = new CopyNoticeView();
        v.id = e.noticeId();
        v.fromUnitId = e.fromUnitId();
        v.toUnitId = e.toUnitId();
        v.subject = e.subject();
        v.text = e.text();
        v.sentBy = Actors.of(m);
        v.sentAt = RecordingTime.of(m);
        v.sentOn = e.sentOn();
        v.dueOn = e.dueOn();
        v.status = "SENT";
        notices.create(m.getIdentifier(), v);
    }

    @EventHandler
    void on(CopyNoticeAnswered e, EventMessage<?> m) {
        notices.update(e.noticeId(), m.getIdentifier(), v -> {
            v.status = "ANSWERED";
            v.answer = e.text();
            v.answeredBy = Actors.of(m);
            v.answeredOn = e.answeredOn();
        });
    }

    @EventHandler
    void on(CopyNoticeEscalated e, EventMessage<?> m) {
        notices.update(e.noticeId(), m.getIdentifier(), v -> {
            v.status = "ESCALATED";
            v.escalatedOn = e.escalatedOn();
        });
    }

    @ResetHandler
    void reset() {
        notices.drop();
    }
}
