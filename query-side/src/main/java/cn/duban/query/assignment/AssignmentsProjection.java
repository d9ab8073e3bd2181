package cn.duban.query.assignment;

import cn.duban.query.common.Positions;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.Words;
import cn.duban.kernel.assignment.AssignmentStatus;
import cn.duban.kernel.assignment.Phase;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.assignment.AssignmentAcknowledged;
import cn.duban.kernel.assignment.AssignmentCancelled;
import cn.duban.kernel.assignment.AssignmentCompleted;
import cn.duban.kernel.assignment.AssignmentCompletionReturned;
import cn.duban.kernel.assignment.AssignmentCompletionSubmitted;
import cn.duban.kernel.assignment.AssignmentExtensionDenied;
import cn.duban.kernel.assignment.AssignmentExtensionGranted;
import cn.duban.kernel.assignment.AssignmentExtensionRequested;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentProgressReported;
import cn.duban.kernel.assignment.AssignmentReopened;
import cn.duban.kernel.assignment.AssignmentUrged;
import cn.duban.platform.axon.Audit;
import cn.duban.query.common.ReadModelJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read model {@code assignments}: one document per assignment with its state, every deadline that
 * ever applied, each unit's acknowledgement and reports, and its whole history with actors.
 */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class AssignmentsProjection {
    public static final String COLLECTION = "assignments";

    /** The stored document; mutable while an event is applied to it. */
    public static final class AssignmentView {
        public String id;
        public String title;
        public String description;
        public String schemeId;
        public String itemCode;
        public String leadUnit;
        public List<String> responsibleUnits = new ArrayList<>();
        public String target;
        public LocalDate deadline;
        public List<DeadlineChange> deadlines = new ArrayList<>();
        public List<Phase> phases = new ArrayList<>();
        public ReportingFrequency reportingFrequency;
        public String status;
        public LocalDate pendingExtension;
        public List<UnitProgress> units = new ArrayList<>();
        public int urges;
        public int reminders;
        public LocalDate overdueSince;
        public Instant issuedAt;
        public LocalDate issuedOn;
        public Instant completionSubmittedAt;
        public Instant closedAt;
        public List<HistoryEntry> history = new ArrayList<>();

        UnitProgress unit(String unitId) {
            return units.stream().filter(u -> u.unitId.equals(unitId)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Unit " + unitId + " not on assignment " + id));
        }
    }

    /** A deadline that applied from {@code from}: the original one, then each granted extension. */
    public record DeadlineChange(LocalDate deadline, Instant from, String eventId) {
    }

    public static final class UnitProgress {
        public String unitId;
        public String role;
        public Instant acknowledgedAt;
        public Instant lastProgressAt;
        public int progressReports;
        public int urged;
        public int missedReports;
        public String light = "GREEN";
    }

    /** {@code materials}: the files a progress report carried. */
    public record HistoryEntry(String eventId, long position, Instant at, String type, String actor, String unitId, String text,
                               List<cn.duban.kernel.material.Material> materials) {
        public HistoryEntry {
            materials = materials == null ? List.of() : materials;
        }
    }

    private final MongoCollection<Document> assignments;

    public AssignmentsProjection(MongoDatabase db) {
        this.assignments = db.getCollection(COLLECTION);
    }

    @EventHandler
    void on(AssignmentIssued e, EventMessage<?> m, TrackingToken t) {
        if (assignments.find(Filters.eq("_id", e.assignmentId())).first() != null) {
            return; // redelivered
        }
        AssignmentView v = new AssignmentView();
        v.id = e.assignmentId();
        v.title = e.title();
        v.description = e.description();
        v.schemeId = e.schemeId();
        v.itemCode = e.itemCode();
        v.leadUnit = e.leadUnit();
        v.responsibleUnits = new ArrayList<>(e.responsibleUnits());
        v.target = e.target();
        v.deadline = e.deadline();
        v.deadlines.add(new DeadlineChange(e.deadline(), RecordingTime.of(m), m.getIdentifier()));
        v.phases = new ArrayList<>(e.phases());
        v.reportingFrequency = e.reportingFrequency();
        v.status = AssignmentStatus.OPEN.name();
        v.issuedAt = RecordingTime.of(m);
        v.issuedOn = e.issuedOn() != null ? e.issuedOn() : cn.duban.kernel.calendar.DistrictTime.dateOf(RecordingTime.of(m));
        v.units.add(progress(e.leadUnit(), "LEAD"));
        e.responsibleUnits().forEach(u -> v.units.add(progress(u, "RESPONSIBLE")));
        v.history.add(entry(m, t, null, e.title()));
        save(v);
    }

    private static UnitProgress progress(String unitId, String role) {
        UnitProgress p = new UnitProgress();
        p.unitId = unitId;
        p.role = role;
        return p;
    }

    @EventHandler
    void on(AssignmentAcknowledged e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, e.unitId(), null, v -> v.unit(e.unitId()).acknowledgedAt = RecordingTime.of(m));
    }

    @EventHandler
    void on(AssignmentProgressReported e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, e.unitId(), e.text(), v -> {
            UnitProgress p = v.unit(e.unitId());
            p.lastProgressAt = RecordingTime.of(m);
            p.progressReports++;
        });
    }

    @EventHandler
    void on(AssignmentCompletionSubmitted e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, e.unitId(), e.note(), v -> {
            v.status = AssignmentStatus.COMPLETION_SUBMITTED.name();
            v.completionSubmittedAt = RecordingTime.of(m);
        });
    }

    @EventHandler
    void on(AssignmentCompleted e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.note(), v -> {
            v.status = AssignmentStatus.COMPLETED.name();
            v.closedAt = RecordingTime.of(m);
            v.units.forEach(u -> u.light = "NONE");
        });
    }

    @EventHandler
    void on(AssignmentCompletionReturned e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.reason(), v -> v.status = AssignmentStatus.OPEN.name());
    }

    @EventHandler
    void on(AssignmentReopened e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.reason(), v -> {
            v.status = AssignmentStatus.OPEN.name();
            v.closedAt = null;
            v.units.forEach(u -> u.light = "GREEN");
        });
    }

    @EventHandler
    void on(AssignmentExtensionRequested e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, e.unitId(), e.requestedDeadline() + "：" + e.reason(), v -> v.pendingExtension = e.requestedDeadline());
    }

    @EventHandler
    void on(AssignmentExtensionGranted e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.previousDeadline() + " → " + e.newDeadline(), v -> {
            v.deadline = e.newDeadline();
            v.deadlines.add(new DeadlineChange(e.newDeadline(), RecordingTime.of(m), m.getIdentifier()));
            v.pendingExtension = null;
            v.overdueSince = null;
        });
    }

    @EventHandler
    void on(AssignmentExtensionDenied e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.reason(), v -> v.pendingExtension = null);
    }

    @EventHandler
    void on(AssignmentUrged e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.message(), v -> {
            v.urges++;
            e.unitIds().forEach(u -> v.unit(u).urged++);
        });
    }

    @EventHandler
    void on(AssignmentCancelled e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.reason(), v -> {
            v.status = AssignmentStatus.CANCELLED.name();
            v.closedAt = RecordingTime.of(m);
            v.units.forEach(u -> u.light = "NONE");
        });
    }

    @EventHandler
    void on(cn.duban.kernel.assignment.AssignmentDeadlineApproaching e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, DeadlineWords.dueSoon(e.deadline(), e.daysLeft()), v -> v.reminders++);
    }

    @EventHandler
    void on(cn.duban.kernel.assignment.AssignmentWentOverdue e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, null, e.deadline().toString(), v -> v.overdueSince = e.deadline().plusDays(1));
    }

    @EventHandler
    void on(cn.duban.kernel.assignment.AssignmentReportMissed e, EventMessage<?> m, TrackingToken t) {
        update(e.assignmentId(), m, t, e.unitId(), e.periodStart() + "～" + e.periodEnd(), v -> v.unit(e.unitId()).missedReports++);
    }

    @EventHandler
    void on(cn.duban.kernel.assignment.AssignmentLightChanged e, EventMessage<?> m, TrackingToken t) {
        // Worded in both languages, as the platform's other messages (the workbench shows the reader's
        // half). The event's reason only says again what the light's words say (已逾期 / overdue).
        String from = e.from().name();
        String to = e.to().name();
        String text = Words.zh("light", from) + " → " + Words.zh("light", to) + " / " + Words.en("light", from) + " → " + Words.en("light", to);
        update(e.assignmentId(), m, t, e.unitId(), text, v -> v.unit(e.unitId()).light = to);
    }

    private void update(String id, EventMessage<?> m, TrackingToken t, String unitId, String text, Consumer<AssignmentView> change) {
        AssignmentView v = find(assignments, id);
        if (v == null) {
            throw new IllegalStateException("Event " + m.getPayloadType().getSimpleName() + " for unknown assignment " + id);
        }
        if (v.history.stream().anyMatch(h -> h.eventId().equals(m.getIdentifier()))) {
            return; // redelivered
        }
        change.accept(v);
        v.history.add(entry(m, t, unitId, text));
        save(v);
    }

    private static HistoryEntry entry(EventMessage<?> m, TrackingToken t, String unitId, String text) {
        Object actor = m.getMetaData().get(Audit.ACTOR);
        List<cn.duban.kernel.material.Material> files = m.getPayload() instanceof AssignmentProgressReported p ? p.materials()
                : m.getPayload() instanceof AssignmentCompletionSubmitted c ? c.materials() : List.of();
        return new HistoryEntry(m.getIdentifier(), Positions.of(t), RecordingTime.of(m), m.getPayloadType().getSimpleName(),
                actor == null ? null : actor.toString(), unitId, text, files);
    }

    public static AssignmentView find(MongoCollection<Document> assignments, String id) {
        Document d = assignments.find(Filters.eq("_id", id)).first();
        return d == null ? null : ReadModelJson.fromDocument(d, AssignmentView.class);
    }

    private void save(AssignmentView v) {
        Document d = ReadModelJson.toDocument(v);
        d.put("_id", v.id);
        assignments.replaceOne(Filters.eq("_id", v.id), d, new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        assignments.drop();
    }
}
