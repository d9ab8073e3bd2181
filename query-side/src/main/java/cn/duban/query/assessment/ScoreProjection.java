package cn.duban.query.assessment;

import cn.duban.query.common.Positions;
import cn.duban.query.common.ProjectionGroups;
import cn.duban.query.scheme.SchemesProjection;
import cn.duban.query.unit.UnitsProjection;
import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.kernel.scoring.EventFacts;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.Totals;
import cn.duban.kernel.scoring.TotalsState;
import cn.duban.kernel.scoring.UnitLedger;
import cn.duban.kernel.scoring.UnitProfile;
import cn.duban.platform.axon.Audit;
import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.SideBySide;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.scheme.SchemeView;
import cn.duban.query.common.WriteBehind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Four read models about scores, all fed by the same fold:
 * <ul>
 *   <li>{@code unit_facts}: each unit's scoring facts in recording order (what asOf scores replay);</li>
 *   <li>{@code timelines}: per scheme and unit, the score right after each event that touched the unit;</li>
 *   <li>{@code score_totals}: per scheme and unit, the current totals (what the ranking reads);</li>
 *   <li>{@code notice_marks}: the few facts the results notice's 通报批评 reads ({@link NoticeMarks}).</li>
 * </ul>
 * A {@link UnitLedger} per scheme and unit is kept in memory so an event costs O(items); it is a
 * cache of the fact log, rebuilt from it when missing, when the scheme version changes, after any
 * failure, and when a disqualification it was not told of arrives ({@link UnitLedger#forTotals}:
 * it keeps counts, not the facts themselves).
 */
@Component
@ProcessingGroup(ProjectionGroups.PROJECTIONS)
public class ScoreProjection implements WriteBehind {
    public static final String FACTS = "unit_facts";
    public static final String TIMELINES = "timelines";
    /**
     * Every {@value #TIMELINE_STRIDE}th point of each timeline (the 0th, the 32nd, ...), copied: a long
     * timeline's default answer picks its points from these, reading one chunk for 32 strides
     * instead of one for each point it keeps (issue 14: at a million events the busiest unit's
     * 1,000 points took a thousand of its chunks).
     */
    public static final String TIMELINE_STRIDES = "timeline_strides";
    public static final int TIMELINE_STRIDE = 32;
    public static final String TOTALS = "score_totals";
    /**
     * Each scheme's and unit's ledger as it stood after some event, saved every {@link #SAVE_EVERY}
     * facts: after a start the projection reads it and folds only the facts after it, not the unit's
     * whole log (issue 14: 125,000 facts for the busiest unit at a million events).
     */
    public static final String LEDGERS = "score_ledgers";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScoreProjection.class);
    static final int SAVE_EVERY = 2_000;

    /** One point of a timeline. */
    public record TimelinePoint(Instant at, long position, BigDecimal total, BigDecimal regular, BigDecimal bonus,
                                int schemeVersion, EventRef event) {
        /**
         * As {@code ReadModelJson.toDocument} writes it, field by field: one point per fact in a
         * rebuild (see {@link FactEntry#toDocument()}); {@code FactEntryDocumentTest} checks the two agree.
         */
        org.bson.Document toDocument() {
            org.bson.Document d = new org.bson.Document();
            FactEntry.putText(d, "at", at);
            d.append("position", position);
            FactEntry.putText(d, "total", total);
            FactEntry.putText(d, "regular", regular);
            FactEntry.putText(d, "bonus", bonus);
            d.append("schemeVersion", schemeVersion);
            if (event != null) {
                d.append("event", new org.bson.Document("type", event.type()).append("id", event.id()));
            }
            return d;
        }
    }

    public record EventRef(String type, String id) {
    }

    /** Current totals of a unit under a scheme. */
    public record ScoreTotals(String schemeId, String unitId, int schemeVersion, BigDecimal total, BigDecimal regular,
                              BigDecimal bonus, long position, Instant at) {
    }

    private static final class LedgerState {
        final int version;
        /** The scheme version folded under, with its document. */
        final SchemeView.Version scheme;
        final UnitLedger ledger;
        long lastPosition;
        Set<String> idsAtLastPosition = new HashSet<>();
        /**
         * How many of the unit's log entries were recorded: every entry at or before {@link #lastPosition}
         * at most, since the log is in position order, so the entries after it start at this index or later.
         */
        int recorded;
        /** Facts recorded since the ledger was last saved. */
        int unsaved;
        /** {@link #schemeHash(SchemeView.Version)} of {@link #scheme}, once worked out. */
        private String schemeHash;

        LedgerState(SchemeView.Version scheme, UnitLedger ledger) {
            this.version = scheme.version();
            this.scheme = scheme;
            this.ledger = ledger;
        }

        void record(long position, String eventId, Fact fact) {
            if (position < lastPosition || (position == lastPosition && idsAtLastPosition.contains(eventId))) {
                return;
            }
            if (position != lastPosition) {
                idsAtLastPosition = new HashSet<>();
            }
            ledger.record(fact);
            lastPosition = position;
            idsAtLastPosition.add(eventId);
            recorded++;
            unsaved++;
        }

        String schemeHash() {
            if (schemeHash == null) {
                schemeHash = ScoreProjection.schemeHash(scheme);
            }
            return schemeHash;
        }
    }

    private final ChunkedLog facts;
    private final ChunkedLog timelines;
    private final ChunkedLog strides;
    private final NoticeMarks marks;
    private final MongoCollection<Document> totals;
    private final MongoCollection<Document> saved;
    /** Ledgers to save at the end of the batch, by key. */
    private final Set<String> toSave = new java.util.LinkedHashSet<>();
    private final int saveEvery;
    private final MongoCollection<Document> units;
    private final MongoCollection<Document> schemes;
    private final Map<String, SchemeView> schemeCache = new HashMap<>();
    private boolean schemesLoaded;
    private final Map<String, UnitProfile> unitCache = new HashMap<>();
    private final Map<String, LedgerState> ledgers = new HashMap<>();
    /** Each unit's latest totals in this batch, by key (null: remove them); written as documents at the flush. */
    private final Map<String, ScoreTotals> pendingTotals = new java.util.LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public ScoreProjection(MongoDatabase db) {
        this(db, SAVE_EVERY);
    }

    /** Saving each ledger every {@code saveEvery} facts (tests save often). */
    ScoreProjection(MongoDatabase db, int saveEvery) {
        this.saveEvery = saveEvery;
        this.saved = db.getCollection(LEDGERS);
        this.facts = new ChunkedLog(db, FACTS);
        this.timelines = new ChunkedLog(db, TIMELINES);
        this.strides = new ChunkedLog(db, TIMELINE_STRIDES);
        this.totals = db.getCollection(TOTALS);
        this.units = db.getCollection(UnitsProjection.COLLECTION);
        this.schemes = db.getCollection(SchemesProjection.COLLECTION);
        this.marks = new NoticeMarks(db);
        // The units are read only when the marks are not yet filled: not at every start.
        marks.fillOnce(facts, () -> units.find().projection(new Document("_id", 1)).map(d -> d.getString("_id")).into(new ArrayList<>()));
    }

    public static String key(String schemeId, String unitId) {
        return schemeId + "|" + unitId;
    }

    @EventHandler
    void on(UnitEvent event, EventMessage<?> message, TrackingToken token) {
        long position = Positions.of(token);
        if (event instanceof UnitRegistered registered) {
            unitRegistered(registered, position, RecordingTime.of(message));
            return; // the unit itself, not something it did: totals, but no fact and no timeline point
        }
        Instant at = RecordingTime.of(message);
        String eventId = message.getIdentifier();
        Fact fact = EventFacts.toFact(event, eventId, at)
                .orElseThrow(() -> new IllegalStateException("No scoring fact for " + event.getClass().getName()));
        String type = event.getClass().getSimpleName();
        Object actor = message.getMetaData().get(Audit.ACTOR);
        try {
            Document entry = FactEntry.of(fact, position, type, actor == null ? null : actor.toString()).toDocument();
            facts.append(event.unitId(), position, eventId, entry);
            marks.appended(event.unitId(), entry);
            UnitProfile unit = unit(event.unitId());
            for (SchemeView scheme : schemes()) {
                if (!concerns(fact, scheme.id())) {
                    continue;
                }
                Optional<SchemeView.Version> version = scheme.versionAt(at);
                if (version.isEmpty()) {
                    continue;
                }
                String key = key(scheme.id(), unit.id());
                LedgerState state = ledger(scheme.id(), version.get(), unit, position);
                if (fact instanceof Fact.Disqualification d && !state.ledger.foresees(d)) {
                    // Kept for totals, the ledger cannot take back what the record counted: folded again,
                    // told of this disqualification (the log read includes it), which is rare.
                    ledgers.remove(key);
                    state = ledger(scheme.id(), version.get(), unit, position);
                }
                state.record(position, eventId, fact);
                if (state.unsaved >= saveEvery) {
                    toSave.add(key);
                }
                if (!state.ledger.applies()) {
                    if (fact instanceof Fact.Retirement) {
                        pendingTotals.put(key, null); // retired: no longer ranked under this scheme
                    }
                    continue;
                }
                Totals t = state.ledger.totals();
                Document point = new TimelinePoint(at, position, t.total(), t.regular(), t.bonus(), state.version, new EventRef(type, eventId)).toDocument();
                int index = timelines.appendAt(key, position, eventId, point);
                if (index >= 0 && index % TIMELINE_STRIDE == 0) {
                    strides.append(key, position, eventId, point);
                }
                saveTotals(new ScoreTotals(scheme.id(), unit.id(), state.version, t.total(), t.regular(), t.bonus(), position, at));
            }
        } catch (RuntimeException e) {
            discard();
            throw e;
        }
    }

    /** A unit registered after a scheme is in force ranks from the start, with what it scores having done nothing. */
    private void unitRegistered(UnitRegistered registered, long position, Instant at) {
        // From the event: the units read model may handle this same event after us.
        UnitProfile unit = new UnitProfile(registered.unitId(), registered.type());
        unitCache.put(unit.id(), unit);
        for (SchemeView scheme : schemes()) {
            Optional<SchemeView.Version> version = scheme.versionAt(at);
            if (version.isEmpty()) {
                continue;
            }
            LedgerState state = ledger(scheme.id(), version.get(), unit, position);
            if (state.ledger.applies()) {
                Totals t = state.ledger.totals();
                saveTotals(new ScoreTotals(scheme.id(), unit.id(), state.version, t.total(), t.regular(), t.bonus(), position, at));
            }
        }
    }

    /** Assessor records count only for the scheme they were made under. */
    private static boolean concerns(Fact fact, String schemeId) {
        if (fact instanceof Fact.Adjustment a) {
            return a.schemeId().equals(schemeId);
        }
        if (fact instanceof Fact.Failure f) {
            return f.schemeId().equals(schemeId);
        }
        if (fact instanceof Fact.SelfAssessment s) {
            return s.schemeId().equals(schemeId);
        }
        if (fact instanceof Fact.Appeal a) {
            return a.schemeId().equals(schemeId);
        }
        return true;
    }

    @EventHandler
    void on(SchemeDrafted event, EventMessage<?> message, TrackingToken token) {
        schemes();
        SchemeView view = SchemeView.drafted(Optional.ofNullable(schemeCache.get(event.schemeId())), event.schemeId(),
                event.version(), event.document(), RecordingTime.of(message));
        schemeChanged(view, Positions.of(token), RecordingTime.of(message));
    }

    /** Reporting closed: every unit's totals now count missing figures as the rules say. */
    @EventHandler
    void on(cn.duban.kernel.scheme.SchemeReportingClosed event, EventMessage<?> message, TrackingToken token) {
        SchemeView before = schemes().stream().filter(s -> s.id().equals(event.schemeId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("SchemeReportingClosed before SchemeDrafted for " + event.schemeId()));
        schemeChanged(before.reportingClosed(RecordingTime.of(message)), Positions.of(token), RecordingTime.of(message));
    }

    @EventHandler
    void on(SchemePublished event, EventMessage<?> message, TrackingToken token) {
        SchemeView before = schemes().stream().filter(s -> s.id().equals(event.schemeId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("SchemePublished before SchemeDrafted for " + event.schemeId()));
        schemeChanged(before.published(event.version(), RecordingTime.of(message)), Positions.of(token), RecordingTime.of(message));
    }

    /** A new version in force changes every unit's current totals, though no unit did anything. */
    private void schemeChanged(SchemeView view, long position, Instant at) {
        schemeCache.put(view.id(), view);
        ledgers.keySet().removeIf(k -> k.startsWith(view.id() + "|"));
        SchemeView.Version version = view.versionAt(at).orElseThrow();
        for (Document u : units.find()) {
            UnitProfile unit = unit(u.getString("_id"));
            LedgerState state = ledger(view.id(), version, unit, position);
            if (state.ledger.applies()) {
                Totals t = state.ledger.totals();
                saveTotals(new ScoreTotals(view.id(), unit.id(), version.version(), t.total(), t.regular(), t.bonus(), position, at));
            } else {
                pendingTotals.put(key(view.id(), unit.id()), null);
            }
        }
    }

    private LedgerState ledger(String schemeId, SchemeView.Version version, UnitProfile unit, long upTo) {
        String key = key(schemeId, unit.id());
        LedgerState state = ledgers.get(key);
        if (state != null && state.version == version.version()) {
            return state;
        }
        SchemeView view = schemeCache.get(schemeId);
        boolean closed = view == null || view.reportingClosedAt() != null;
        state = savedLedger(key, version, unit, upTo, closed);
        if (state != null) {
            ledgers.put(key, state);
            return state;
        }
        // Only what came before this event: later entries may exist from a batch that failed part-way.
        List<FactEntry> log = new ArrayList<>();
        List<Fact.Disqualification> disqualifications = new ArrayList<>();
        facts.forEach(unit.id(), d -> {
            FactEntry entry = FactEntry.fromDocument(d);
            if (entry.position() <= upTo) {
                log.add(entry);
                if (entry.takesARecordOut()) {
                    disqualifications.add((Fact.Disqualification) entry.toFact());
                }
            }
        });
        // Kept for totals alone: every unit's ledger is held, and the query side keeps the facts as evidence.
        state = new LedgerState(version, UnitLedger.forTotals(version.document(), version.version(), unit, disqualifications)
                .reportingClosed(closed));
        for (FactEntry entry : log) {
            state.record(entry.position(), entry.eventId(), entry.toFact());
        }
        ledgers.put(key, state);
        return state;
    }

    /**
     * The ledger as last saved, folded on with the log's entries after it up to {@code upTo}; null
     * when none was saved for this scheme version (its document the same), when it was saved after
     * {@code upTo} (events handled again after a crash), or when a disqualification after it was not
     * foreseen (the whole log is folded again then).
     */
    private LedgerState savedLedger(String key, SchemeView.Version version, UnitProfile unit, long upTo, boolean closed) {
        Document doc = saved.find(Filters.eq("_id", key)).first();
        if (doc == null || doc.getInteger("version") != version.version() || ((Number) doc.get("position")).longValue() > upTo) {
            return null;
        }
        String hash = schemeHash(version);
        if (!hash.equals(doc.getString("scheme"))) {
            return null;
        }
        TotalsState totalsState;
        try {
            totalsState = ReadModelJson.fromDocument(doc.get("ledger", Document.class), TotalsState.class);
        } catch (RuntimeException unreadable) {
            // Saved by another release, or damaged: the log is the truth, and folding it whole never stalls the projection.
            LOG.warn("Saved ledger {} cannot be read, folding the unit's whole log instead: {}", key, unreadable.toString());
            return null;
        }
        LedgerState state = new LedgerState(version,
                UnitLedger.fromTotalsState(version.document(), version.version(), unit, totalsState).reportingClosed(closed));
        state.schemeHash = hash;
        state.lastPosition = ((Number) doc.get("position")).longValue();
        state.idsAtLastPosition = new HashSet<>(doc.getList("idsAtPosition", String.class));
        state.recorded = doc.getInteger("recorded");
        boolean[] unforeseen = {false};
        facts.forEach(unit.id(), ChunkedLog.chunkHolding(state.recorded), d -> {
            FactEntry entry = FactEntry.fromDocument(d);
            if (unforeseen[0] || entry.position() > upTo) {
                return;
            }
            Fact fact = entry.toFact();
            if (fact instanceof Fact.Disqualification disqualification && !state.ledger.foresees(disqualification)) {
                unforeseen[0] = true;
                return;
            }
            state.record(entry.position(), entry.eventId(), fact);
        });
        state.unsaved = 0;
        return unforeseen[0] ? null : state;
    }

    /** Which scheme document a saved ledger was folded under: a version's document never changes, this checks it. */
    private static String schemeHash(SchemeView.Version version) {
        return Integer.toHexString(ReadModelJson.toDocument(version.document()).toJson().hashCode());
    }

    private void saveLedgers() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String key : toSave) {
            LedgerState state = ledgers.get(key);
            if (state == null) {
                continue; // dropped since: a new scheme version, or folded again
            }
            Document doc = new Document("_id", key).append("version", state.version).append("scheme", state.schemeHash())
                    .append("position", state.lastPosition).append("idsAtPosition", List.copyOf(state.idsAtLastPosition))
                    .append("recorded", state.recorded).append("ledger", ReadModelJson.toDocument(state.ledger.totalsState()));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", key), doc, new ReplaceOptions().upsert(true)));
            state.unsaved = 0;
        }
        if (!writes.isEmpty()) {
            saved.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        toSave.clear();
    }

    private void saveTotals(ScoreTotals t) {
        pendingTotals.put(key(t.schemeId(), t.unitId()), t);
    }

    @Override
    public void flush() {
        // The fact log, the timelines and the totals are three collections, written side by side.
        // The strides before their timeline: a point written to the timeline is never handled again
        // (it is found there), so its stride must be stored by then.
        SideBySide.run(List.of(facts::flush, () -> {
            strides.flush();
            timelines.flush();
        }, this::writeTotals, marks::flush));
        // After the facts: a saved ledger never runs ahead of the log it is folded on from.
        saveLedgers();
    }

    /** One round trip for the batch's totals, not one per unit. */
    private void writeTotals() {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Map.Entry<String, ScoreTotals> e : pendingTotals.entrySet()) {
            if (e.getValue() == null) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", e.getKey())));
                continue;
            }
            Document doc = ReadModelJson.toDocument(e.getValue());
            doc.put("_id", e.getKey());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", e.getKey()), doc, new ReplaceOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            totals.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        pendingTotals.clear();
    }

    @Override
    public void discard() {
        facts.discard();
        timelines.discard();
        strides.discard();
        marks.discard();
        pendingTotals.clear();
        toSave.clear();
        ledgers.clear();
        unitCache.clear();
        schemeCache.clear();
        schemesLoaded = false;
    }

    private List<SchemeView> schemes() {
        if (!schemesLoaded) {
            for (Document d : schemes.find()) {
                SchemeView v = ReadModelJson.fromDocument(d, SchemeView.class);
                schemeCache.put(v.id(), v);
            }
            schemesLoaded = true;
        }
        return List.copyOf(schemeCache.values());
    }

    private UnitProfile unit(String unitId) {
        return unitCache.computeIfAbsent(unitId, id -> {
            Document d = units.find(Filters.eq("_id", id)).first();
            if (d == null) {
                throw new IllegalStateException("Fact for unit " + id + " before its registration");
            }
            return new UnitProfile(id, cn.duban.kernel.unit.UnitType.valueOf(d.getString("type")));
        });
    }

    @ResetHandler
    void reset() {
        discard();
        facts.reset();
        timelines.reset();
        strides.reset();
        marks.reset();
        totals.drop();
        saved.drop();
    }
}
