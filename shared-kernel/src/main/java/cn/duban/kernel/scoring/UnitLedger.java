package cn.duban.kernel.scoring;

import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The running tallies of one unit under one scheme version: a left fold over the unit's facts in
 * recording order. Recording a fact costs O(1) and reading the totals O(items × rules), so a
 * projection that scores after every event stays linear in the number of events.
 *
 * <p>Pure and single-threaded: no clock, no I/O. {@link Scoring#score} is the same fold from empty.
 */
public final class UnitLedger {
    private final SchemeDocument scheme;
    private final int schemeVersion;
    private final UnitProfile unit;
    private final List<SchemeItem> items;

    private final Map<FactKind, KindTally> kinds = new EnumMap<>(FactKind.class);
    /** The tallies of a kind restricted to some levels, as rules ask for them (see {@link #tally(FactKind, java.util.Collection)}). */
    private final Map<FactKind, Map<java.util.Set<String>, KindTally>> byLevels = new EnumMap<>(FactKind.class);
    /** indicator → year → the recorded values in recording order; the latest not disqualified counts (a ledger kept for totals keeps only that one). */
    private final Map<String, Map<Integer, SharedList<Fact.IndicatorValue>>> indicators = new HashMap<>();
    private final Map<String, List<Fact.Failure>> failures = new HashMap<>();
    private final Map<String, List<Fact.Adjustment>> adjustments = new HashMap<>();
    private final Map<String, Fact.SelfAssessment> selfAssessments = new HashMap<>();
    /** item → appeal id → the appeal as it stands, in filing order. */
    private final Map<String, Map<String, AppealNote>> appeals = new HashMap<>();
    /** Accepted info reports' ids, so a report is never counted twice. */
    private final SharedSet acceptedReports;
    /**
     * Every occurrence counted, in recording order, so a disqualification can find those of its
     * record ({@link #keysOf}) and take them back out. A list rather than a map by record key: a
     * disqualification is rare and may scan, while a ledger is copied for every checkpoint, and a
     * map with an entry per fact made a copy of a 125k-fact ledger cost 35-65 ms (issue 14's asOf).
     */
    private final SharedList<Fact.Occurrence> counted;
    /**
     * For a {@link #forTotals} ledger, the disqualifications of its log by record key, known before
     * the fold reaches them; null for a ledger that keeps every fact.
     */
    private final Map<String, Fact.Disqualification> foreseen;
    /** Disqualified records by record key, in recording order. */
    private final Map<String, Fact.Disqualification> disqualified = new LinkedHashMap<>();
    /** What each disqualification kept from counting: occurrences of this scheme's year, or indicator figures. */
    private final Map<String, List<Fact>> voided = new HashMap<>();

    /** Whether the scheme's reporting was closed when this ledger is read (true for a scheme with no deadline). */
    private boolean reportingClosed = true;

    /**
     * Each item's score as {@link #totals()} last evaluated it, by the item's index, or null once
     * something it read has changed. An event touches one or two items of a scheme's eighty, so
     * re-evaluating only those keeps a projection's per-event cost small (issue 14's rebuild).
     */
    private final Evaluated[] evaluated;
    /** What an item's rules read ({@link #note}), mapped to the items that read it. Only grows: a stale reader costs a re-evaluation, never a wrong score. */
    private final Map<Object, java.util.BitSet> readers = new HashMap<>();
    /** item code → the indexes of the items with that code (adjustments, appeals and failures name their item by code). */
    private final Map<String, List<Integer>> itemsByCode;
    /** The index of the item being evaluated, whose reads are noted; -1 outside an evaluation. */
    private int reading = -1;
    private static final Object AWAITING_FIGURES = new Object();

    /** Figures not reported yet are 待补报 rather than deducted while this is false and the scheme has a deadline. */
    public UnitLedger reportingClosed(boolean closed) {
        if (closed != reportingClosed) {
            Arrays.fill(evaluated, null);
        }
        this.reportingClosed = closed;
        return this;
    }

    /** A missing figure is pending (待补报): the scheme names a reporting deadline and reporting is not closed. */
    boolean awaitingFigures() {
        note(AWAITING_FIGURES);
        return scheme.reportingDeadline() != null && !reportingClosed;
    }

    /** The item being evaluated reads {@code what}: a change to it makes the item evaluate again. */
    private void note(Object what) {
        if (reading >= 0) {
            readers.computeIfAbsent(what, k -> new java.util.BitSet(items.size())).set(reading);
        }
    }

    /** Whatever read {@code what} is evaluated again at the next {@link #totals()}. */
    private void changed(Object what) {
        java.util.BitSet stale = readers.get(what);
        if (stale != null) {
            stale.stream().forEach(i -> evaluated[i] = null);
        }
    }

    private void changedItem(String code) {
        itemsByCode.getOrDefault(code, List.of()).forEach(i -> evaluated[i] = null);
    }

    private void changedAll() {
        Arrays.fill(evaluated, null);
    }

    private static Object indicatorKey(String indicator) {
        return "indicator:" + indicator;
    }

    public UnitLedger(SchemeDocument scheme, int schemeVersion, UnitProfile unit) {
        this(scheme, schemeVersion, unit, null);
    }

    /**
     * A ledger that keeps only what totals need: counts, sums and the few facts rules read back
     * (figures, failures, adjustments, appeals), not every fact as evidence. A projection that
     * keeps every unit's ledger to score after each event holds a fraction of the memory so (issue
     * 14: at a million events, every fact twice over). It has no {@link #card}.
     *
     * <p>Without the facts it cannot take back what a record counted before it was found untrue, so
     * it is told of the log's disqualifications up front ({@code foreseen}, in recording order), and
     * keeps a disqualified record's facts out from the start. Its totals once the fold has passed
     * them are those of a ledger with every fact; in between it is not read. A disqualification it
     * was not told of is refused ({@link #foresees}): fold the log again, with it.
     */
    public static UnitLedger forTotals(SchemeDocument scheme, int schemeVersion, UnitProfile unit,
                                       List<Fact.Disqualification> foreseen) {
        UnitLedger ledger = new UnitLedger(scheme, schemeVersion, unit, new LinkedHashMap<>());
        for (Fact.Disqualification d : foreseen) {
            ledger.foreseen.putIfAbsent(recordKey(d), d);
        }
        return ledger;
    }

    private UnitLedger(SchemeDocument scheme, int schemeVersion, UnitProfile unit, Map<String, Fact.Disqualification> foreseen) {
        this.foreseen = foreseen;
        this.scheme = Objects.requireNonNull(scheme);
        this.schemeVersion = schemeVersion;
        this.unit = Objects.requireNonNull(unit);
        this.items = scheme.items().stream()
                .filter(i -> i.appliesToOrDefault().matches(unit.id(), unit.type()))
                .toList();
        this.evaluated = new Evaluated[items.size()];
        Map<String, List<Integer>> byCode = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            byCode.computeIfAbsent(items.get(i).code(), k -> new ArrayList<>()).add(i);
        }
        this.itemsByCode = Map.copyOf(byCode);
        // The level-restricted tallies the rules will ask for, kept from the first fact: built on first
        // read instead, a checkpoint taken before any read left every copy of it to build them from all facts.
        for (SchemeItem item : items) {
            for (Rule rule : item.rulesOrEmpty()) {
                if (rule.fact() != null && rule.levels() != null && !rule.levels().isEmpty()) {
                    byLevels.computeIfAbsent(rule.fact(), k -> new HashMap<>()).putIfAbsent(java.util.Set.copyOf(rule.levels()), new KindTally(foreseen == null));
                }
            }
        }
        this.acceptedReports = new SharedSet();
        this.counted = new SharedList<>();
    }

    /** What this ledger, kept for totals, holds: stored, a later start folds only the facts after it. */
    public TotalsState totalsState() {
        if (keepsFacts()) {
            throw new IllegalStateException("Only a ledger kept for totals is stored as its state");
        }
        List<TotalsState.Tally> tallies = new ArrayList<>();
        kinds.forEach((kind, t) -> tallies.add(new TotalsState.Tally(kind, null, t.count, Map.copyOf(t.byLevel), Map.copyOf(t.sums))));
        byLevels.forEach((kind, byLevel) -> byLevel.forEach((levels, t) -> tallies.add(new TotalsState.Tally(kind,
                levels.stream().sorted().toList(), t.count, Map.copyOf(t.byLevel), Map.copyOf(t.sums)))));
        List<Fact.IndicatorValue> figures = new ArrayList<>();
        indicators.values().forEach(byYear -> byYear.values().forEach(figures::addAll));
        List<TotalsState.ItemAppeals> itemAppeals = new ArrayList<>();
        appeals.forEach((code, byId) -> itemAppeals.add(new TotalsState.ItemAppeals(code, List.copyOf(byId.values()))));
        return new TotalsState(tallies, figures, failures.values().stream().flatMap(List::stream).toList(),
                adjustments.values().stream().flatMap(List::stream).toList(), List.copyOf(selfAssessments.values()), itemAppeals,
                acceptedReports.elements(), List.copyOf(foreseen.values()), List.copyOf(disqualified.values()), retiredOn);
    }

    /** A ledger kept for totals, as {@link #totalsState} left it, for this scheme version and unit. */
    public static UnitLedger fromTotalsState(SchemeDocument scheme, int schemeVersion, UnitProfile unit, TotalsState state) {
        UnitLedger ledger = forTotals(scheme, schemeVersion, unit, state.foreseen());
        for (TotalsState.Tally t : state.tallies()) {
            KindTally tally = new KindTally(false);
            tally.count = t.count();
            tally.byLevel.putAll(t.byLevel());
            tally.sums.putAll(t.sums());
            if (t.levels() == null) {
                ledger.kinds.put(t.kind(), tally);
            } else {
                ledger.byLevels.computeIfAbsent(t.kind(), k -> new HashMap<>()).put(java.util.Set.copyOf(t.levels()), tally);
            }
        }
        for (Fact.IndicatorValue v : state.figures()) {
            ledger.indicators.computeIfAbsent(v.indicator(), k -> new HashMap<>()).computeIfAbsent(v.year(), k -> new SharedList<>()).add(v);
        }
        state.failures().forEach(f -> ledger.failures.computeIfAbsent(f.itemCode(), k -> new ArrayList<>()).add(f));
        state.adjustments().forEach(a -> ledger.adjustments.computeIfAbsent(a.itemCode(), k -> new ArrayList<>()).add(a));
        state.selfAssessments().forEach(a -> ledger.selfAssessments.put(a.itemCode(), a));
        for (TotalsState.ItemAppeals item : state.appeals()) {
            Map<String, AppealNote> byId = ledger.appeals.computeIfAbsent(item.itemCode(), k -> new LinkedHashMap<>());
            item.appeals().forEach(a -> byId.put(a.appealId(), a));
        }
        state.acceptedReports().forEach(ledger.acceptedReports::add);
        state.disqualified().forEach(d -> ledger.disqualified.put(recordKey(d), d));
        ledger.retiredOn = state.retiredOn();
        return ledger;
    }

    /** Whether this ledger keeps every fact (evidence, and what a disqualification takes back), or only what totals need. */
    private boolean keepsFacts() {
        return foreseen == null;
    }

    /** Whether {@link #record} takes this disqualification: any ledger with every fact does; a {@link #forTotals} one only if told of it. */
    public boolean foresees(Fact.Disqualification d) {
        return keepsFacts() || foreseen.containsKey(recordKey(d)) || disqualified.containsKey(recordKey(d));
    }

    /** A copy's start: what never changes is shared, the shared lists are copied (O(1)), the rest is filled in by {@link #copy}. */
    private UnitLedger(UnitLedger source) {
        this.foreseen = source.foreseen == null ? null : new LinkedHashMap<>(source.foreseen);
        this.scheme = source.scheme;
        this.schemeVersion = source.schemeVersion;
        this.unit = source.unit;
        this.items = source.items;
        this.evaluated = new Evaluated[items.size()];
        this.itemsByCode = source.itemsByCode;
        this.acceptedReports = source.acceptedReports.copy();
        this.counted = source.counted.copy();
    }

    /**
     * An independent copy: recording facts into either leaves the other as it was. A reader keeps
     * copies as checkpoints, so an answer as of an earlier instant folds only the facts after the
     * nearest one. Item scores are not copied; the copy evaluates them afresh.
     */
    public UnitLedger copy() {
        UnitLedger c = new UnitLedger(this);
        kinds.forEach((kind, tally) -> c.kinds.put(kind, tally.copy()));
        byLevels.forEach((kind, tallies) -> {
            Map<java.util.Set<String>, KindTally> copied = new HashMap<>();
            tallies.forEach((levels, tally) -> copied.put(levels, tally.copy()));
            c.byLevels.put(kind, copied);
        });
        indicators.forEach((indicator, byYear) -> {
            Map<Integer, SharedList<Fact.IndicatorValue>> copied = new HashMap<>();
            byYear.forEach((year, values) -> copied.put(year, values.copy()));
            c.indicators.put(indicator, copied);
        });
        failures.forEach((code, list) -> c.failures.put(code, new ArrayList<>(list)));
        adjustments.forEach((code, list) -> c.adjustments.put(code, new ArrayList<>(list)));
        c.selfAssessments.putAll(selfAssessments);
        appeals.forEach((code, byId) -> c.appeals.put(code, new LinkedHashMap<>(byId)));
        c.disqualified.putAll(disqualified);
        voided.forEach((key, list) -> c.voided.put(key, new ArrayList<>(list)));
        c.reportingClosed = reportingClosed;
        c.retiredOn = retiredOn;
        return c;
    }

    /** Retired (撤并) on this day, if it was: schemes of later years no longer assess the unit. */
    private java.time.LocalDate retiredOn;

    /** Whether any item of the scheme scores this unit, and the unit was not retired before the scheme's year. */
    public boolean applies() {
        return !items.isEmpty() && (retiredOn == null || retiredOn.getYear() >= scheme.year());
    }

    public void record(Fact fact) {
        if (fact instanceof Fact.Occurrence o) {
            recordOccurrence(o);
        } else if (fact instanceof Fact.IndicatorValue v) {
            if (v.year() == scheme.year() || v.year() == scheme.year() - 1) {
                List<Fact.IndicatorValue> values = indicators.computeIfAbsent(v.indicator(), k -> new HashMap<>())
                        .computeIfAbsent(v.year(), k -> new SharedList<>());
                if (!keepsFacts()) {
                    // Only the latest figure is ever read, and one found untrue later is foreseen: kept out.
                    if (foreseen.containsKey(eventKey(v.eventId()))) {
                        return;
                    }
                    values.clear();
                }
                values.add(v);
                changed(indicatorKey(v.indicator()));
                String key = eventKey(v.eventId());
                if (disqualified.containsKey(key) && keepsFacts()) {
                    voided.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
                }
            }
        } else if (fact instanceof Fact.Disqualification d) {
            // Rare, and it reaches into several kinds and figures: everything is evaluated again.
            changedAll();
            disqualify(d);
        } else if (fact instanceof Fact.Retirement r) {
            changedAll();
            retiredOn = r.on();
        } else if (fact instanceof Fact.Failure f) {
            if (scheme.id().equals(f.schemeId())) {
                failures.computeIfAbsent(f.itemCode(), k -> new ArrayList<>()).add(f);
                changedItem(f.itemCode());
            }
        } else if (fact instanceof Fact.Appeal a) {
            if (scheme.id().equals(a.schemeId())) {
                Map<String, AppealNote> byId = appeals.computeIfAbsent(a.itemCode(), k -> new LinkedHashMap<>());
                AppealNote filed = byId.get(a.appealId());
                byId.put(a.appealId(), filed == null
                        ? new AppealNote(a.appealId(), a.status(), a.text(), null, null, a.eventId())
                        : new AppealNote(a.appealId(), a.status(), filed.reason(), a.text(), a.points(), a.eventId()));
                changedItem(a.itemCode());
            }
        } else if (fact instanceof Fact.SelfAssessment s) {
            if (scheme.id().equals(s.schemeId())) {
                selfAssessments.put(s.itemCode(), s);
                changedItem(s.itemCode());
            }
        } else if (fact instanceof Fact.Adjustment a) {
            if (scheme.id().equals(a.schemeId())) {
                adjustments.computeIfAbsent(a.itemCode(), k -> new ArrayList<>()).add(a);
                changedItem(a.itemCode());
            }
        }
    }

    private void recordOccurrence(Fact.Occurrence o) {
        if (o.on() == null || o.on().getYear() != scheme.year() || !o.kind().countable()) {
            return;
        }
        if (o.kind() == FactKind.INFO_ACCEPTED && o.subjectId() != null
                && !acceptedReports.add(o.subjectId())) {
            return;
        }
        List<String> keys = keysOf(o);
        for (String key : keys) {
            if (disqualified.containsKey(key)) {
                if (keepsFacts()) {
                    voided.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
                }
                return;
            }
            if (!keepsFacts() && foreseen.containsKey(key)) {
                return; // found untrue later in the log: this ledger never counts it
            }
        }
        kinds.computeIfAbsent(o.kind(), k -> new KindTally(keepsFacts())).add(o);
        changed(o.kind());
        byLevels.getOrDefault(o.kind(), Map.of()).forEach((levels, tally) -> {
            if (o.level() != null && levels.contains(o.level())) {
                tally.add(o);
            }
        });
        if (keepsFacts()) {
            counted.add(o);
        }
    }

    /** A record stops counting: what it counted so far is taken out, and what comes later is kept out. */
    private void disqualify(Fact.Disqualification d) {
        String key = recordKey(d);
        if (!foresees(d)) {
            throw new IllegalStateException("A ledger kept for totals was not told of disqualification " + d.eventId()
                    + " before the facts it voids: fold the log again with it");
        }
        Fact.Disqualification before = disqualified.putIfAbsent(key, d);
        boolean verdict = d.cause() == Fact.Disqualification.Cause.SAMPLING;
        if (before != null) {
            // Withdrawn first and then found untrue (sampled before it was withdrawn): its facts are
            // out already, but the verdict counts as any other, or withdrawing a sampled record
            // would escape the accuracy rules. The verdict's reason then explains it.
            if (verdict && before.cause() == Fact.Disqualification.Cause.WITHDRAWAL) {
                disqualified.put(key, d);
                flag(d);
            }
            return;
        }
        if (verdict) {
            flag(d);
        }
        if (!keepsFacts()) {
            return; // the record's facts were kept out from the start (foreseen)
        }
        List<Fact> kept = voided.computeIfAbsent(key, k -> new ArrayList<>());
        List<Fact.Occurrence> ofRecord = counted.stream().filter(o -> keysOf(o).contains(key)).toList();
        for (Fact.Occurrence o : ofRecord) {
            kinds.get(o.kind()).remove(o);
            byLevels.getOrDefault(o.kind(), Map.of()).forEach((levels, tally) -> {
                if (o.level() != null && levels.contains(o.level())) {
                    tally.remove(o);
                }
            });
            kept.add(o);
        }
        counted.removeIf(o -> keysOf(o).contains(key));
        if (d.recordKind() == SampleKind.INDICATOR_REPORT) {
            indicators.values().forEach(byYear -> byYear.values().forEach(values -> values.stream()
                    .filter(v -> v.eventId().equals(d.recordId())).forEach(kept::add)));
        }
    }

    /** A verdict of 不实 is itself a fact of the unit, on the day of the recheck, for accuracy rules; a withdrawal is none. */
    private void flag(Fact.Disqualification d) {
        recordOccurrence(new Fact.Occurrence(d.eventId(), d.recordedAt(), FactKind.SAMPLE_FLAGGED, d.recordKind().name(),
                cn.duban.kernel.calendar.DistrictTime.dateOf(d.recordedAt()), Map.of(), d.recordId()));
    }

    /** The record keys an occurrence counts under: its own event, and the subject it is about where sampling names subjects. */
    private static List<String> keysOf(Fact.Occurrence o) {
        for (SampleKind kind : SampleKind.values()) {
            if (!kind.identifiedByEvent() && o.subjectId() != null && kind.factKinds().contains(o.kind())) {
                return List.of(eventKey(o.eventId()), subjectKey(kind, o.subjectId()));
            }
        }
        return List.of(eventKey(o.eventId()));
    }

    /** The record a disqualification is about, as {@link #keysOf} names an occurrence's. */
    private static String recordKey(Fact.Disqualification d) {
        return d.recordKind().identifiedByEvent() ? eventKey(d.recordId()) : subjectKey(d.recordKind(), d.recordId());
    }

    private static String eventKey(String eventId) {
        return "event:" + eventId;
    }

    private static String subjectKey(SampleKind kind, String subjectId) {
        return kind.name() + ":" + subjectId;
    }

    public Totals totals() {
        BigDecimal regular = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        List<SchemeItem> scored = scored();
        for (int i = 0; i < scored.size(); i++) {
            BigDecimal s = evaluated(i).score();
            if (scored.get(i).isBonus()) {
                bonus = bonus.add(s);
            } else {
                regular = regular.add(s);
            }
        }
        return new Totals(Num.norm(regular.add(bonus)), Num.norm(regular), Num.norm(bonus));
    }

    /** Item {@code i}'s score as last evaluated, evaluated again (its reads noted) once something it read has changed. */
    private Evaluated evaluated(int i) {
        if (evaluated[i] == null) {
            reading = i;
            try {
                evaluated[i] = evaluate(items.get(i), null);
            } finally {
                reading = -1;
            }
        }
        return evaluated[i];
    }

    /** The items that score the unit: none once it was retired before the scheme's year. */
    private List<SchemeItem> scored() {
        return applies() ? items : List.of();
    }

    public ScoreCard card(Instant asOf) {
        if (!keepsFacts()) {
            throw new IllegalStateException("A ledger kept for totals has no evidence to explain a card with");
        }
        List<ItemScore> out = new ArrayList<>(items.size());
        BigDecimal regular = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        for (SchemeItem item : scored()) {
            List<Contribution> contributions = new ArrayList<>();
            Evaluated e = evaluate(item, contributions);
            if (item.isBonus()) {
                bonus = bonus.add(e.score());
            } else {
                regular = regular.add(e.score());
            }
            out.add(itemScore(item, e, List.copyOf(contributions)));
        }
        return new ScoreCard(unit.id(), scheme.id(), schemeVersion, asOf, Num.norm(regular.add(bonus)),
                Num.norm(regular), Num.norm(bonus), List.copyOf(out));
    }

    /**
     * {@link #card}'s answer without what explains it: every item's scores, self-assessment and
     * appeals, and no contributions. A ledger kept for totals gives it too, so a table of every
     * unit's scores (the Excel export) is read from the checkpoints kept for totals instead of
     * folding every unit's whole log with its evidence (issue 14: 10 s at a million events).
     */
    public ScoreCard cardWithoutEvidence(Instant asOf) {
        List<ItemScore> out = new ArrayList<>(items.size());
        BigDecimal regular = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        List<SchemeItem> scored = scored();
        for (int i = 0; i < scored.size(); i++) {
            SchemeItem item = scored.get(i);
            Evaluated e = evaluated(i);
            if (item.isBonus()) {
                bonus = bonus.add(e.score());
            } else {
                regular = regular.add(e.score());
            }
            out.add(itemScore(item, e, List.of()));
        }
        return new ScoreCard(unit.id(), scheme.id(), schemeVersion, asOf, Num.norm(regular.add(bonus)),
                Num.norm(regular), Num.norm(bonus), List.copyOf(out));
    }

    private ItemScore itemScore(SchemeItem item, Evaluated e, List<Contribution> contributions) {
        BigDecimal s = e.score();
        Fact.SelfAssessment self = selfAssessments.get(item.code());
        return new ItemScore(item.code(), item.category(), item.title(),
                item.max() == null ? null : Num.norm(item.max()), item.isBonus(), Num.norm(base(item)),
                Num.norm(e.computed()), Num.norm(s), self == null ? null : Num.norm(self.score()), self == null ? null : self.note(),
                self == null ? null : Num.norm(s.subtract(self.score())), contributions,
                List.copyOf(appeals.getOrDefault(item.code(), Map.of()).values()));
    }

    private static BigDecimal base(SchemeItem item) {
        return item.baseOrDefault() == Base.FULL ? item.max() : BigDecimal.ZERO;
    }

    /**
     * An item's score, and what its rules alone give (before adjustments and appeals), each held to
     * 0..max, plus the points of uncapped rules, which accumulate beyond the max.
     */
    private record Evaluated(BigDecimal score, BigDecimal computed) {
    }

    /** The item's clamped score; explains itself into {@code why} when it is not null. */
    private Evaluated evaluate(SchemeItem item, List<Contribution> why) {
        BigDecimal sum = base(item);
        BigDecimal beyondMax = BigDecimal.ZERO;
        for (Rule rule : item.rulesOrEmpty()) {
            Contribution c = RuleEvaluator.evaluate(rule, item, this, why != null);
            if (c != null) {
                if (rule.accumulatesBeyondMax()) {
                    beyondMax = beyondMax.add(c.points());
                } else {
                    sum = sum.add(c.points());
                }
                if (why != null) {
                    why.add(c);
                }
            }
        }
        BigDecimal computed = clamp(item, sum).add(beyondMax);
        if (why != null) {
            explainDisqualifications(item, why);
        }
        for (Fact.Adjustment a : adjustments.getOrDefault(item.code(), List.of())) {
            sum = sum.add(a.points());
            if (why != null) {
                why.add(new Contribution("ADJUSTMENT", Num.norm(a.points()), "考核组调整：" + a.reason(),
                        "Assessor adjustment: " + a.reason(), List.of(a.eventId())));
            }
        }
        for (AppealNote a : appeals.getOrDefault(item.code(), Map.of()).values()) {
            if ("UPHELD".equals(a.status()) && a.points() != null && a.points().signum() != 0) {
                sum = sum.add(a.points());
                if (why != null) {
                    why.add(new Contribution("APPEAL", Num.norm(a.points()), "申诉成立：" + a.decision(),
                            "Appeal upheld: " + a.decision(), List.of(a.eventId())));
                }
            }
        }
        BigDecimal clamped = clamp(item, sum);
        if (why != null && clamped.compareTo(sum) != 0) {
            boolean atMax = clamped.signum() > 0;
            why.add(new Contribution("CLAMP", Num.norm(clamped.subtract(sum)),
                    atMax ? "不超过分值 " + Num.plain(item.max()) : "最低为0分",
                    atMax ? "capped at max " + Num.plain(item.max()) : "floored at 0", List.of()));
        }
        return new Evaluated(clamped.add(beyondMax), computed);
    }

    /**
     * Names each disqualified record that this item would otherwise have read. Its effect is already
     * in the rules' counts, so it contributes 0 points; it is there for the reason and the evidence.
     */
    private void explainDisqualifications(SchemeItem item, List<Contribution> why) {
        disqualified.forEach((key, d) -> {
            List<String> evidence = new ArrayList<>();
            evidence.add(d.eventId());
            for (Fact f : voided.getOrDefault(key, List.of())) {
                if (reads(item, f)) {
                    evidence.add(f.eventId());
                }
            }
            if (evidence.size() > 1) {
                why.add(d.cause() == Fact.Disqualification.Cause.WITHDRAWAL
                        ? new Contribution("WITHDRAWAL", BigDecimal.ZERO, "记录已撤回，不予计分：" + d.reason(),
                                "Record withdrawn, not counted: " + d.reason(), List.copyOf(evidence))
                        : new Contribution("SAMPLING", BigDecimal.ZERO, "抽查核实不实，不予计分：" + d.reason(),
                                "Sampled record found untrue, not counted: " + d.reason(), List.copyOf(evidence)));
            }
        });
    }

    private static boolean reads(SchemeItem item, Fact f) {
        for (Rule rule : item.rulesOrEmpty()) {
            if (f instanceof Fact.Occurrence o && rule.fact() == o.kind()) {
                return true;
            }
            if (f instanceof Fact.IndicatorValue v && v.indicator().equals(rule.indicator())) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal clamp(SchemeItem item, BigDecimal value) {
        BigDecimal clamped = value.max(BigDecimal.ZERO);
        return item.max() == null ? clamped : clamped.min(item.max());
    }

    // --- what rules read ----------------------------------------------------------------------

    int schemeYear() {
        return scheme.year();
    }

    KindTally tally(FactKind kind) {
        note(kind);
        return kinds.getOrDefault(kind, KindTally.EMPTY);
    }

    /**
     * The facts of a kind a rule counts: all of them, or those of the levels it names. A level-filtered
     * tally is built once from the kind's facts and then kept up to date as facts are recorded or
     * disqualified, in the same order: rebuilding it on every evaluation made a unit's every event
     * cost as much as all its earlier ones (issue 14's slow rebuild).
     */
    KindTally tally(FactKind kind, java.util.Collection<String> levels) {
        KindTally all = tally(kind);
        if (levels == null || levels.isEmpty()) {
            return all;
        }
        return byLevels.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(java.util.Set.copyOf(levels), wanted -> {
            if (!keepsFacts()) {
                throw new IllegalStateException("A ledger kept for totals keeps the tallies its scheme's rules name from the start, not " + wanted);
            }
            KindTally only = new KindTally(true);
            all.occurrences.stream().filter(o -> o.level() != null && wanted.contains(o.level())).forEach(only::add);
            return only;
        });
    }

    Fact.IndicatorValue latest(String indicator, int year) {
        note(indicatorKey(indicator));
        Map<Integer, SharedList<Fact.IndicatorValue>> byYear = indicators.get(indicator);
        List<Fact.IndicatorValue> values = byYear == null ? null : byYear.get(year);
        if (values == null) {
            return null;
        }
        for (int i = values.size() - 1; i >= 0; i--) {
            if (!disqualified.containsKey(eventKey(values.get(i).eventId()))) {
                return values.get(i);
            }
        }
        return null;
    }

    List<Fact.Failure> failures(String itemCode) {
        return failures.getOrDefault(itemCode, List.of());
    }

    /** Counted facts of one kind: how many, how many per level, sums per measure, and their ids. */
    static final class KindTally {
        static final KindTally EMPTY = new KindTally(true);

        /** Whether the facts themselves are kept (their ids as evidence), or only counts and sums. */
        private final boolean keepsFacts;

        KindTally(boolean keepsFacts) {
            this.keepsFacts = keepsFacts;
        }

        int count;
        final Map<String, Integer> byLevel = new LinkedHashMap<>();
        final Map<String, BigDecimal> sums = new HashMap<>();
        // Lists that copies share (SharedList): a tally of a busy unit holds one entry per fact.
        SharedList<String> ids = new SharedList<>();
        final Map<String, SharedList<String>> idsByMeasure = new HashMap<>();
        SharedList<Fact.Occurrence> occurrences = new SharedList<>();

        void add(Fact.Occurrence o) {
            count++;
            if (o.level() != null) {
                byLevel.merge(o.level(), 1, Integer::sum);
            }
            o.quantities().forEach((measure, q) -> sums.merge(measure, q, BigDecimal::add));
            if (keepsFacts) {
                occurrences.add(o);
                o.quantities().keySet().forEach(measure -> idsByMeasure.computeIfAbsent(measure, k -> new SharedList<>()).add(o.eventId()));
                ids.add(o.eventId());
            }
        }

        KindTally copy() {
            KindTally c = new KindTally(keepsFacts);
            c.count = count;
            c.byLevel.putAll(byLevel);
            c.sums.putAll(sums);
            c.ids = ids.copy();
            idsByMeasure.forEach((measure, list) -> c.idsByMeasure.put(measure, list.copy()));
            c.occurrences = occurrences.copy();
            return c;
        }

        void remove(Fact.Occurrence o) {
            count--;
            occurrences.removeIf(known -> known.eventId().equals(o.eventId()));
            if (o.level() != null) {
                byLevel.computeIfPresent(o.level(), (level, n) -> n == 1 ? null : n - 1);
            }
            o.quantities().forEach((measure, q) -> {
                sums.merge(measure, q.negate(), BigDecimal::add);
                List<String> ofMeasure = idsByMeasure.get(measure);
                if (ofMeasure != null) {
                    ofMeasure.remove(o.eventId());
                }
            });
            ids.remove(o.eventId());
        }

        /** The ids of the counted facts with a quantity of {@code measure}. */
        List<String> idsOf(String measure) {
            List<String> of = idsByMeasure.get(measure);
            return of == null ? List.of() : of;
        }

        BigDecimal sum(String measure) {
            return sums.getOrDefault(measure, BigDecimal.ZERO);
        }
    }
}
