package cn.duban.query.reporting;

import cn.duban.kernel.assessment.AppealFiled;
import cn.duban.kernel.assessment.AppealRejected;
import cn.duban.kernel.assessment.AppealUpheld;
import cn.duban.kernel.material.Material;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignClosed;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.scheme.Indicators;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportRejected;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.assessment.AppealWithdrawn;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.query.common.Actors;
import cn.duban.query.common.FilledOnce;
import cn.duban.query.common.Documents;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.query.common.WriteBehind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Read model {@code reported_records}: what a unit reported, as a reviewer or supervisor reads it —
 * a training's kind, audience and figures, an information report's text and category, an indicator
 * figure, an achievement, an appeal — with the files that prove it, and the review's outcome.
 */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class ReportedRecordsProjection implements WriteBehind {
    public static final String COLLECTION = "reported_records";

    public static final class RecordView {
        public String id;
        /** TRAINING, INFO_REPORT, INDICATOR, ACHIEVEMENT, APPEAL or CAMPAIGN. */
        public String kind;
        public String unitId;
        public String title;
        public LocalDate on;
        public String trainingKind;
        public String audience;
        public Integer attendees;
        public BigDecimal hours;
        public String text;
        public String category;
        /** For an indicator figure: which, for which year, the figure and the counts it comes from. */
        public String indicator;
        public Integer year;
        public BigDecimal value;
        public BigDecimal numerator;
        public BigDecimal denominator;
        /** For an achievement: MEDIA_PUBLICATION, LEADER_INSTRUCTION or PROMOTION (its level in {@link #level}). */
        public String achievementKind;
        public List<Material> materials = new ArrayList<>();
        /**
         * For a campaign: its kind (GROUP_RENTAL …) and each measure's total so far; its status is OPEN,
         * CLOSED (its summary {@link #text}) or WITHDRAWN (its totals as they were when withdrawn).
         */
        public String campaignKind;
        public Map<String, BigDecimal> totals = new LinkedHashMap<>();
        /** For a campaign: each step of its progress, oldest first, a withdrawn one kept and marked (its quantity out of {@link #totals}). */
        public List<CampaignStep> steps = new ArrayList<>();
        /** For an appeal: the scheme and item appealed (its reason is {@link #text}, the decision's note {@link #reason}). */
        public String schemeId;
        public String itemCode;
        /**
         * For an information report: SUBMITTED, ACCEPTED, REJECTED or WITHDRAWN, with the level or the
         * reason; for a training, an achievement or an indicator figure none, or WITHDRAWN with the reason; for an appeal FILED, UPHELD,
         * REJECTED or WITHDRAWN; for a campaign OPEN, CLOSED or WITHDRAWN.
         */
        public String status;
        public String level;
        public String reason;
        public Instant recordedAt;
        public String recordedBy;
        /** For a withdrawn record: when it was withdrawn and by whom (its reason is {@link #reason}). */
        public Instant withdrawnAt;
        public String withdrawnBy;
        public List<String> eventIds = new ArrayList<>();
    }

    /**
     * Read model {@code records_awaiting_decision}: the id, kind, unit and time of each record whose
     * status waits for the lead office's decision ({@link #awaitsDecision}), and of no other. The
     * review queue and the overview's counts read it instead of every record (at a city's scale,
     * the review queue read every unit's whole fact log on each request). Written from the records
     * a batch changed, at its flush, so it is always what the records' statuses say.
     */
    public static final String AWAITING = "records_awaiting_decision";

    private final Documents<RecordView> records;
    private final MongoCollection<Document> awaiting;
    private final RecordsByUnit byUnit;
    private final RecordsByUnit setAside;
    private final MongoCollection<Document> upgrades;
    /** The records created in this batch, whose keys {@link #flush()} writes to {@link RecordsByUnit}. */
    private final List<RecordView> created = new ArrayList<>();

    public ReportedRecordsProjection(MongoDatabase db) {
        this.records = documents(db).writingBehind();
        this.awaiting = db.getCollection(AWAITING);
        this.byUnit = new RecordsByUnit(db);
        this.setAside = new RecordsByUnit(db, RecordsByUnit.SET_ASIDE);
        this.upgrades = db.getCollection(EarlierCampaignSteps.UPGRADES);
        fillAwaitingOnce();
        fillByUnitOnce();
        fillSetAsideOnce();
    }

    /** Each kind of record the lead office decides, and the status in which it waits for that decision. */
    private static final Map<String, String> WAITING_STATUS = Map.of("INFO_REPORT", "SUBMITTED", "APPEAL", "FILED");

    /**
     * The kinds of record that take each status, as the handlers below set them: a trainings', figures'
     * and achievements' only status is WITHDRAWN (none until then).
     */
    private static final Map<String, List<String>> KINDS_IN_STATUS = Map.of(
            "SUBMITTED", List.of("INFO_REPORT"), "ACCEPTED", List.of("INFO_REPORT"), "REJECTED", List.of("INFO_REPORT", "APPEAL"),
            "WITHDRAWN", List.of("TRAINING", "INFO_REPORT", "INDICATOR", "ACHIEVEMENT", "APPEAL", "CAMPAIGN"),
            "FILED", List.of("APPEAL"), "UPHELD", List.of("APPEAL"), "OPEN", List.of("CAMPAIGN"), "CLOSED", List.of("CAMPAIGN"));

    /** Statuses that are final and that few records reach: their records' keys are also kept by status ({@link RecordsByUnit#SET_ASIDE}). */
    public static final Set<String> SET_ASIDE = Set.of("WITHDRAWN", "REJECTED", "UPHELD");

    /** The kinds of record that may be in this status (every kind for none): a list by status reads no other kind's keys. */
    public static List<String> kindsIn(String status) {
        return status == null ? RecordsByUnit.KINDS : KINDS_IN_STATUS.getOrDefault(status, List.of());
    }

    /** The kind of record that waits for a decision in this status (INFO_REPORT in SUBMITTED, APPEAL in FILED), if any. */
    public static Optional<String> kindAwaitingIn(String status) {
        return WAITING_STATUS.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey).findFirst();
    }

    /** An information report not yet accepted or rejected, or an appeal not yet decided. */
    public static boolean awaitsDecision(RecordView v) {
        return v.status != null && v.status.equals(WAITING_STATUS.get(v.kind));
    }

    private static Document awaitingEntry(RecordView v) {
        return new Document("_id", v.id).append("kind", v.kind).append("unitId", v.unitId)
                .append("recordedAt", v.recordedAt == null ? null : java.util.Date.from(v.recordedAt));
    }

    /**
     * A store whose records were written before this read model existed gets it from them, once
     * ({@link FilledOnce}): one pass over the records waiting, the first start after the upgrade only.
     */
    private void fillAwaitingOnce() {
        FilledOnce.fill(awaiting, () -> {
            List<WriteModel<Document>> entries = new ArrayList<>();
            for (RecordView v : records.where(new Document("status", new Document("$in", List.copyOf(WAITING_STATUS.values()))))) {
                if (awaitsDecision(v)) {
                    entries.add(new ReplaceOneModel<>(Filters.eq("_id", v.id), awaitingEntry(v), new ReplaceOptions().upsert(true)));
                }
            }
            return entries;
        });
    }

    /**
     * A store whose records were written before {@link RecordsByUnit} existed gets their keys, once: one
     * pass over the records, reading only the fields of the key. Keys written without the year (stop
     * 51's layout) are dropped first and written again so.
     */
    private void fillByUnitOnce() {
        if (!byUnit.laidOutByYear()) {
            byUnit.collection().drop();
        }
        FilledOnce.fillAsRead(byUnit.collection(), entry -> records.forEach(new Document(),
                new Document("kind", 1).append("unitId", 1).append("recordedAt", 1).append("on", 1).append("year", 1),
                v -> entry.accept(RecordsByUnit.entry(v))));
        byUnit.markLaidOutByYear();
    }

    /** A store whose records were written before {@link RecordsByUnit#SET_ASIDE} existed gets its keys, once: the records set aside, read by status. */
    private void fillSetAsideOnce() {
        FilledOnce.fillAsRead(setAside.collection(), entry -> records.forEach(Filters.in("status", List.copyOf(SET_ASIDE)),
                new Document("kind", 1).append("unitId", 1).append("recordedAt", 1).append("on", 1).append("year", 1).append("status", 1),
                v -> entry.accept(RecordsByUnit.setAsideEntry(v))));
        setAside.markLaidOutByYear();
    }

    /** Records a view created by its first event, and its key once written. */
    private void create(EventMessage<?> m, RecordView v) {
        records.create(m.getIdentifier(), v);
        created.add(v);
    }

    @Override
    public void flush() {
        List<WriteModel<Document>> keys = created.stream().map(RecordsByUnit::entry).toList();
        created.clear();
        List<WriteModel<Document>> changes = new ArrayList<>();
        List<WriteModel<Document>> setAsideKeys = new ArrayList<>();
        for (RecordView v : records.pendingViews()) {
            if (v.status != null && SET_ASIDE.contains(v.status)) {
                setAsideKeys.add(RecordsByUnit.setAsideEntry(v)); // the status is final: the key is written once, or again as it was
            }
            if (!WAITING_STATUS.containsKey(v.kind)) {
                continue; // never awaits a decision: no write for the trainings and figures of every command
            }
            changes.add(awaitsDecision(v)
                    ? new ReplaceOneModel<>(Filters.eq("_id", v.id), awaitingEntry(v), new ReplaceOptions().upsert(true))
                    : new DeleteOneModel<>(Filters.eq("_id", v.id)));
        }
        records.flush();
        if (!changes.isEmpty()) {
            awaiting.bulkWrite(changes, new BulkWriteOptions().ordered(true));
        }
        if (!keys.isEmpty()) {
            byUnit.collection().bulkWrite(keys, new BulkWriteOptions().ordered(false));
        }
        if (!setAsideKeys.isEmpty()) {
            setAside.collection().bulkWrite(setAsideKeys, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public void discard() {
        records.discard();
        created.clear();
    }

    public static Documents<RecordView> documents(MongoDatabase db) {
        return new Documents<>(db.getCollection(COLLECTION), RecordView.class, v -> v.id, v -> v.eventIds);
    }

    @EventHandler
    void on(TrainingRecorded e, EventMessage<?> m) {
        RecordView v = base(e.trainingId(), "TRAINING", e.unitId(), m);
        v.title = e.topic();
        v.on = e.heldOn();
        v.trainingKind = e.kindOrBusiness().name();
        v.audience = e.audience();
        v.attendees = e.attendees();
        v.hours = e.hours();
        v.materials = new ArrayList<>(e.materials());
        create(m, v);
    }

    @EventHandler
    void on(InfoReportSubmitted e, EventMessage<?> m) {
        RecordView v = base(e.reportId(), "INFO_REPORT", e.unitId(), m);
        v.title = e.title();
        v.on = e.submittedOn();
        v.text = e.text();
        v.category = e.category();
        v.materials = new ArrayList<>(e.materials());
        v.status = "SUBMITTED";
        create(m, v);
    }

    @EventHandler
    void on(InfoReportAccepted e, EventMessage<?> m) {
        records.update(e.reportId(), m.getIdentifier(), v -> {
            v.status = "ACCEPTED";
            v.level = e.level().name();
        });
    }

    @EventHandler
    void on(InfoReportRejected e, EventMessage<?> m) {
        records.update(e.reportId(), m.getIdentifier(), v -> {
            v.status = "REJECTED";
            v.reason = e.reason();
        });
    }

    @EventHandler
    void on(TrainingWithdrawn e, EventMessage<?> m) {
        records.update(e.trainingId(), m.getIdentifier(), v -> withdrawn(v, e.reason(), m));
    }

    @EventHandler
    void on(IndicatorReportWithdrawn e, EventMessage<?> m) {
        records.update(e.reportId(), m.getIdentifier(), v -> withdrawn(v, e.reason(), m));
    }

    @EventHandler
    void on(AchievementWithdrawn e, EventMessage<?> m) {
        records.update(e.achievementId(), m.getIdentifier(), v -> withdrawn(v, e.reason(), m));
    }

    @EventHandler
    void on(InfoReportWithdrawn e, EventMessage<?> m) {
        records.update(e.reportId(), m.getIdentifier(), v -> withdrawn(v, e.reason(), m));
    }

    @EventHandler
    void on(AppealWithdrawn e, EventMessage<?> m) {
        records.update(e.appealId(), m.getIdentifier(), v -> withdrawn(v, e.reason(), m));
    }

    private static void withdrawn(RecordView v, String reason, EventMessage<?> m) {
        v.status = "WITHDRAWN";
        v.reason = reason;
        v.withdrawnAt = RecordingTime.of(m);
        v.withdrawnBy = Actors.of(m);
    }

    @EventHandler
    void on(IndicatorReported e, EventMessage<?> m) {
        RecordView v = base(e.reportId(), "INDICATOR", e.unitId(), m);
        v.title = Indicators.of(e.indicator()).zh();
        v.indicator = e.indicator();
        v.year = e.year();
        v.value = e.value();
        v.numerator = e.numerator();
        v.denominator = e.denominator();
        v.materials = new ArrayList<>(e.materials());
        create(m, v);
    }

    @EventHandler
    void on(AchievementRecorded e, EventMessage<?> m) {
        RecordView v = base(e.achievementId(), "ACHIEVEMENT", e.unitId(), m);
        v.title = e.title();
        v.on = e.on();
        v.achievementKind = e.kind().name();
        v.level = e.level();
        v.materials = new ArrayList<>(e.materials());
        create(m, v);
    }

    @EventHandler
    void on(AppealFiled e, EventMessage<?> m) {
        RecordView v = base(e.appealId(), "APPEAL", e.unitId(), m);
        v.title = "申诉 " + e.itemCode();
        v.schemeId = e.schemeId();
        v.itemCode = e.itemCode();
        v.text = e.reason();
        v.status = "FILED";
        v.materials = new ArrayList<>(e.materials());
        create(m, v);
    }

    @EventHandler
    void on(AppealUpheld e, EventMessage<?> m) {
        records.update(e.appealId(), m.getIdentifier(), v -> {
            v.status = "UPHELD";
            v.reason = e.note();
        });
    }

    @EventHandler
    void on(AppealRejected e, EventMessage<?> m) {
        records.update(e.appealId(), m.getIdentifier(), v -> {
            v.status = "REJECTED";
            v.reason = e.note();
        });
    }

    /** One step of a campaign's progress, named by the event that recorded it (as sampling and 撤回 name it). */
    public static final class CampaignStep {
        public String eventId;
        public String measure;
        public BigDecimal quantity;
        public LocalDate on;
        public List<Material> materials = new ArrayList<>();
        public Instant recordedAt;
        public String recordedBy;
        /** When withdrawn: when, by whom and why. */
        public Instant withdrawnAt;
        public String withdrawnBy;
        public String reason;
    }

    @EventHandler
    void on(CampaignLaunched e, EventMessage<?> m) {
        RecordView v = base(e.campaignId(), "CAMPAIGN", e.unitId(), m);
        v.title = e.title();
        v.on = e.launchedOn();
        v.campaignKind = e.kind();
        v.status = "OPEN";
        create(m, v);
    }

    /** A step adds to its measure's total, and its 台账资料 join the campaign's files. */
    @EventHandler
    void on(CampaignProgressRecorded e, EventMessage<?> m) {
        records.update(e.campaignId(), m.getIdentifier(), v -> {
            v.materials.addAll(e.materials());
            listStep(v, e, m);
        });
    }

    /** The step listed, its quantity added to its measure's total (also {@link EarlierCampaignSteps}'s listing of earlier steps). */
    static void listStep(RecordView v, CampaignProgressRecorded e, EventMessage<?> m) {
        v.totals.merge(e.measure(), e.quantity(), BigDecimal::add);
        CampaignStep step = new CampaignStep();
        step.eventId = m.getIdentifier();
        step.measure = e.measure();
        step.quantity = e.quantity();
        step.on = e.on();
        step.materials = new ArrayList<>(e.materials());
        step.recordedAt = RecordingTime.of(m);
        step.recordedBy = Actors.of(m);
        v.steps.add(step);
    }

    /** A withdrawn step leaves its measure's total; the campaign's files stay listed, as a withdrawn record's do. */
    @EventHandler
    void on(CampaignProgressWithdrawn e, EventMessage<?> m) {
        records.update(e.campaignId(), m.getIdentifier(), v -> withdrawStep(v, e, m));
    }

    static void withdrawStep(RecordView v, CampaignProgressWithdrawn e, EventMessage<?> m) {
        v.steps.stream().filter(s -> s.eventId.equals(e.progressEventId())).findFirst().ifPresent(step -> {
            v.totals.merge(step.measure, step.quantity.negate(), BigDecimal::add);
            step.withdrawnAt = RecordingTime.of(m);
            step.withdrawnBy = Actors.of(m);
            step.reason = e.reason();
        });
    }

    @EventHandler
    void on(CampaignClosed e, EventMessage<?> m) {
        records.update(e.campaignId(), m.getIdentifier(), v -> {
            v.status = "CLOSED";
            v.text = e.summary();
        });
    }

    /** A withdrawn campaign keeps its steps and totals as they were, to be read as what was withdrawn. */
    @EventHandler
    void on(CampaignWithdrawn e, EventMessage<?> m) {
        records.update(e.campaignId(), m.getIdentifier(), v -> withdrawn(v, e.reason(), m));
    }

    private static RecordView base(String id, String kind, String unitId, EventMessage<?> m) {
        RecordView v = new RecordView();
        v.id = id;
        v.kind = kind;
        v.unitId = unitId;
        v.recordedAt = RecordingTime.of(m);
        v.recordedBy = Actors.of(m);
        return v;
    }

    @ResetHandler
    void reset() {
        records.drop();
        EarlierCampaignSteps.listed(upgrades); // a replay lists every step from its event
        FilledOnce.emptied(awaiting);
        FilledOnce.emptied(byUnit.collection());
        byUnit.markLaidOutByYear();
        FilledOnce.emptied(setAside.collection());
        setAside.markLaidOutByYear();
    }
}
