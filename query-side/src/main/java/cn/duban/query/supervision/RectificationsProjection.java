package cn.duban.query.supervision;

import cn.duban.query.common.Actors;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.supervision.RectificationEscalated;
import cn.duban.kernel.supervision.RectificationOrdered;
import cn.duban.kernel.supervision.RectificationRejected;
import cn.duban.kernel.supervision.RectificationReported;
import cn.duban.kernel.supervision.RectificationVerified;
import cn.duban.query.common.Documents;
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

/**
 * Read model {@code rectifications}: each 限期整改 with its deadline, where it stands, whether it is
 * under listed supervision (挂牌督办), and its history with actors.
 */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class RectificationsProjection {
    public static final String COLLECTION = "rectifications";

    public static final class RectificationView {
        public String id;
        public String roundId;
        public String findingId;
        public String unitId;
        public String itemCode;
        public String finding;
        public String requirement;
        public LocalDate orderedOn;
        public Integer workingDays;
        public LocalDate dueOn;
        /** ORDERED (to report, again after a rejection), REPORTED (to verify) or VERIFIED. */
        public String status;
        public boolean listed;
        public LocalDate listedOn;
        public LocalDate reportedOn;
        public LocalDate verifiedOn;
        public List<Step> history = new ArrayList<>();
        public List<String> eventIds = new ArrayList<>();
    }

    /** {@code materials}: the files a unit's report carried. */
    public record Step(String what, String text, List<String> evidence, String actor, Instant at, String eventId,
                       List<cn.duban.kernel.material.Material> materials) {
        public Step {
            materials = materials == null ? List.of() : materials;
        }

    }

    private final Documents<RectificationView> rectifications;

    public RectificationsProjection(MongoDatabase db) {
        this.rectifications = documents(db);
    }

    public static Documents<RectificationView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), RectificationView.class, v -> v.id, v -> v.eventIds);
    }

    @EventHandler
    void on(RectificationOrdered e, EventMessage<?> m) {
        RectificationView v = new RectificationView();
        v.id = e.rectificationId();
        v.roundId = e.roundId();
        v.findingId = e.findingId();
        v.unitId = e.unitId();
        v.itemCode = e.itemCode();
        v.finding = e.finding();
        v.requirement = e.requirement();
        v.orderedOn = e.orderedOn();
        v.workingDays = e.workingDays();
        v.dueOn = e.dueOn();
        v.status = "ORDERED";
        v.history.add(step("ORDERED", e.requirement(), List.of(), m));
        rectifications.create(m.getIdentifier(), v);
    }

    @EventHandler
    void on(RectificationReported e, EventMessage<?> m) {
        rectifications.update(e.rectificationId(), m.getIdentifier(), v -> {
            v.status = "REPORTED";
            v.reportedOn = e.reportedOn();
            v.history.add(step("REPORTED", e.text(), e.evidence(), m));
        });
    }

    @EventHandler
    void on(RectificationRejected e, EventMessage<?> m) {
        rectifications.update(e.rectificationId(), m.getIdentifier(), v -> {
            v.status = "ORDERED";
            v.history.add(step("REJECTED", e.reason(), List.of(), m));
        });
    }

    @EventHandler
    void on(RectificationVerified e, EventMessage<?> m) {
        rectifications.update(e.rectificationId(), m.getIdentifier(), v -> {
            v.status = "VERIFIED";
            v.verifiedOn = cn.duban.kernel.calendar.DistrictTime.dateOf(RecordingTime.of(m));
            v.history.add(step("VERIFIED", e.note(), List.of(), m));
        });
    }

    @EventHandler
    void on(RectificationEscalated e, EventMessage<?> m) {
        rectifications.update(e.rectificationId(), m.getIdentifier(), v -> {
            v.listed = true;
            v.listedOn = e.escalatedOn();
            v.history.add(step("LISTED", "逾期未整改，挂牌督办（期限 " + e.dueOn() + "） / overdue, under listed supervision (due " + e.dueOn() + ")", List.of(), m));
        });
    }

    private static Step step(String what, String text, List<String> evidence, EventMessage<?> m) {
        List<cn.duban.kernel.material.Material> files = m.getPayload() instanceof RectificationReported r ? r.materials() : List.of();
        return new Step(what, text, evidence == null ? List.of() : evidence, Actors.of(m), RecordingTime.of(m), m.getIdentifier(), files);
    }

    @ResetHandler
    void reset() {
        rectifications.drop();
    }
}
