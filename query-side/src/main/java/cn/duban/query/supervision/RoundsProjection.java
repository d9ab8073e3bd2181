package cn.duban.query.supervision;

import cn.duban.query.common.Actors;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.supervision.FindingConfirmed;
import cn.duban.kernel.supervision.FindingDismissed;
import cn.duban.kernel.supervision.FindingRecorded;
import cn.duban.kernel.supervision.InspectionRoundClosed;
import cn.duban.kernel.supervision.InspectionRoundOpened;
import cn.duban.kernel.supervision.InspectionRoundPublished;
import cn.duban.kernel.supervision.InspectionScoreSet;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.query.common.Documents;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Read model {@code rounds}: each inspection round, its frozen baseline position, findings and inspection scores. */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class RoundsProjection {
    public static final String COLLECTION = "rounds";

    public static final class RoundView {
        public String id;
        public String schemeId;
        public RoundKind kind;
        /** ANNOUNCED (明查) or UNANNOUNCED (暗访). */
        public String method;
        /** The units of a 互查 round; empty when supervisors inspect. */
        public List<String> inspectors = new ArrayList<>();
        public String title;
        public Instant cutoff;
        public long baselinePosition;
        public String status;
        public Instant openedAt;
        public Instant closedAt;
        public Instant publishedAt;
        public List<Finding> findings = new ArrayList<>();
        public List<ScoreChange> scores = new ArrayList<>();
        public List<String> eventIds = new ArrayList<>();
    }

    /**
     * @param inspectorUnitId the unit whose staff recorded it in a 互查 round; null when a supervisor did
     * @param status          STANDS, or for a 互查 finding PROPOSED until a supervisor CONFIRMED or DISMISSED it
     */
    public record Finding(String findingId, String unitId, String itemCode, String text, String severity, List<String> evidence,
                          String actor, Instant at, String inspectorUnitId, String status, String decidedBy, String decisionNote) {
        Finding decided(String status, String by, String note) {
            return new Finding(findingId, unitId, itemCode, text, severity, evidence, actor, at, inspectorUnitId, status, by, note);
        }

        /** Whether it counts: a supervisor's finding, or a confirmed 互查 one. */
        public boolean stands() {
            return status == null || status.equals("STANDS") || status.equals("CONFIRMED");
        }
    }

    public record ScoreChange(String unitId, BigDecimal score, String reason, String actor, Instant at) {
    }

    private final Documents<RoundView> rounds;

    public RoundsProjection(MongoDatabase db) {
        this.rounds = documents(db);
    }

    public static Documents<RoundView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), RoundView.class, v -> v.id, v -> v.eventIds);
    }

    @EventHandler
    void on(InspectionRoundOpened e, EventMessage<?> m) {
        RoundView v = new RoundView();
        v.id = e.roundId();
        v.schemeId = e.schemeId();
        v.kind = e.kind();
        v.method = e.methodOrAnnounced().name();
        v.inspectors = new ArrayList<>(e.inspectors());
        v.title = e.title();
        v.cutoff = e.cutoff();
        v.baselinePosition = e.baselinePosition();
        v.status = "OPEN";
        v.openedAt = RecordingTime.of(m);
        rounds.create(m.getIdentifier(), v);
    }

    @EventHandler
    void on(FindingRecorded e, EventMessage<?> m) {
        rounds.update(e.roundId(), m.getIdentifier(), v -> v.findings.add(new Finding(e.findingId(), e.unitId(), e.itemCode(), e.text(), e.severity().name(),
                e.evidence(), Actors.of(m), RecordingTime.of(m), e.inspectorUnitId(), e.proposed() ? "PROPOSED" : "STANDS", null, null)));
    }

    @EventHandler
    void on(FindingConfirmed e, EventMessage<?> m) {
        rounds.update(e.roundId(), m.getIdentifier(), v -> v.findings.replaceAll(f -> f.findingId().equals(e.findingId())
                ? f.decided("CONFIRMED", e.confirmedBy(), null) : f));
    }

    @EventHandler
    void on(FindingDismissed e, EventMessage<?> m) {
        rounds.update(e.roundId(), m.getIdentifier(), v -> v.findings.replaceAll(f -> f.findingId().equals(e.findingId())
                ? f.decided("DISMISSED", e.dismissedBy(), e.reason()) : f));
    }

    @EventHandler
    void on(InspectionScoreSet e, EventMessage<?> m) {
        rounds.update(e.roundId(), m.getIdentifier(), v -> v.scores.add(new ScoreChange(e.unitId(), e.score(), e.reason(), Actors.of(m), RecordingTime.of(m))));
    }

    @EventHandler
    void on(InspectionRoundClosed e, EventMessage<?> m) {
        rounds.update(e.roundId(), m.getIdentifier(), v -> {
            v.status = "CLOSED";
            v.closedAt = RecordingTime.of(m);
        });
    }

    @EventHandler
    void on(InspectionRoundPublished e, EventMessage<?> m) {
        rounds.update(e.roundId(), m.getIdentifier(), v -> {
            v.status = "PUBLISHED";
            v.publishedAt = RecordingTime.of(m);
        });
    }

    @ResetHandler
    void reset() {
        rounds.drop();
    }
}
