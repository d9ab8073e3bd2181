package cn.duban.query.assessment;

import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.scoring.Scoring;
import cn.duban.kernel.scoring.Totals;
import cn.duban.kernel.scoring.UnitLedger;
import cn.duban.kernel.scoring.UnitProfile;
import cn.duban.kernel.unit.UnitType;
import cn.duban.query.assessment.ScoreProjection.ScoreTotals;
import cn.duban.query.assessment.ScoreProjection.TimelinePoint;
import cn.duban.query.unit.UnitQueries;
import cn.duban.query.scheme.SchemeQueries;
import cn.duban.query.unit.UnitsProjection.UnitView;
import cn.duban.query.common.ChunkedLog;
import cn.duban.query.common.DecodedLogCache;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.scheme.SchemeView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Answers about scores. "Now" and "as of T" are the same function: the unit's facts recorded up
 * to T under the scheme version in force at T. Rankings now read the maintained totals.
 */
@Service
public class ScoreQueries {
    private final MongoCollection<Document> totals;
    /**
     * Each unit's fact log, decoded once and then refreshed from its last chunk: a score read of a
     * unit with 10k+ facts no longer reads and decodes them all (issue 14). At most this many
     * facts are held across units.
     */
    static final long CACHED_FACTS = 200_000;
    private final DecodedLogCache<FactEntry> facts;
    /**
     * Each unit's ledger folded to the end of its log, with checkpoints: a current or {@code asOf}
     * score no longer folds all of a unit's facts (issue 14). At most about this many facts are held
     * in ledgers, plus a small weight per checkpoint (checkpoints share the ledger's lists). Held
     * facts cost heap (release 18's benchmark at 1M, every unit's ledger asked for: 751 MB live under
     * a bound of a million, 532 MB under 400,000), so the bound keeps the live heap under issue 14's
     * 512 MB; a district's year (10k events) or a hundred thousand events fit whole.
     */
    static final long FOLDED_FACTS = 300_000;
    private final FoldedLedgers folded = new FoldedLedgers(FOLDED_FACTS);
    /**
     * Ledgers kept for totals along each unit's log, a checkpoint every 256 facts, for the answers
     * that score every unit at an earlier point: at a million events about 4,000 checkpoints for a
     * scheme version, a few kilobytes each; this bound holds several scheme versions' worth.
     */
    static final int TOTALS_CHECKPOINTS = 20_000;
    private final TotalsCheckpoints checkpoints;
    private final ChunkedLog timelines;
    private final ChunkedLog strides;
    private final ChunkedLog factLog;
    private final Clock clock;
    private final UnitQueries unitQueries;
    private final SchemeQueries schemeQueries;

    @org.springframework.beans.factory.annotation.Autowired
    public ScoreQueries(MongoDatabase db, UnitQueries unitQueries, SchemeQueries schemeQueries, Clock dubanClock) {
        this(db, unitQueries, schemeQueries, dubanClock, TOTALS_CHECKPOINTS);
    }

    /** With another bound of the checkpoints kept for totals (a test's). */
    ScoreQueries(MongoDatabase db, UnitQueries unitQueries, SchemeQueries schemeQueries, Clock dubanClock, int totalsCheckpoints) {
        this.checkpoints = new TotalsCheckpoints(totalsCheckpoints);
        this.unitQueries = unitQueries;
        this.schemeQueries = schemeQueries;
        this.clock = dubanClock;
        this.totals = db.getCollection(ScoreProjection.TOTALS);
        this.facts = new DecodedLogCache<>(db, ScoreProjection.FACTS, FactEntry::fromDocument, CACHED_FACTS);
        this.timelines = new ChunkedLog(db, ScoreProjection.TIMELINES);
        this.strides = new ChunkedLog(db, ScoreProjection.TIMELINE_STRIDES);
        this.factLog = new ChunkedLog(db, ScoreProjection.FACTS);
    }

    /**
     * The points recorded in the range asked, at most {@code limit} of them: {@code total} says how
     * many there were, and {@code downsampled} that evenly spaced ones were kept, the first and the
     * last among them.
     */
    public record Timeline(String unitId, String schemeId, List<TimelinePoint> points, int total, boolean downsampled) {
    }

    /** A unit's totals at some point; null totals when the scheme did not assess it then (no item applied, or retired). */
    public record Standing(Totals totals) {
        public boolean assessed() {
            return totals != null;
        }

        /** The ledger's totals, none where the scheme does not score the unit (as its card then has no items). */
        static Standing of(UnitLedger ledger) {
            return new Standing(ledger.applies() ? ledger.totals() : null);
        }

        static Standing of(ScoreCard card) {
            return new Standing(card.items().isEmpty() ? null : new Totals(card.total(), card.regular(), card.bonus()));
        }
    }

    public record RankingEntry(String unitId, String name, UnitType type, BigDecimal total, BigDecimal regular,
                               BigDecimal bonus, int rank) {
    }

    public List<UnitView> units() {
        return unitQueries.all();
    }

    public UnitView unit(String unitId) {
        return unitQueries.one(unitId);
    }

    public List<SchemeView> schemes() {
        return schemeQueries.all();
    }

    public SchemeView scheme(String schemeId) {
        return schemeQueries.one(schemeId);
    }

    public List<FactEntry> facts(String unitId) {
        unit(unitId);
        return facts.read(unitId);
    }

    /** A stretch of a unit's fact log: {@code total} entries in all, these from the {@code offset}-th (0 the first recorded). */
    public record FactPage(int total, int offset, List<FactEntry> facts) {
    }

    /**
     * At most {@code limit} entries of the unit's fact log from the {@code offset}-th, in recording
     * order, reading only the chunks that hold them: the whole log of the 1M benchmark's busiest unit
     * is 41.9 MB of JSON and took 11.8 s to answer.
     */
    public FactPage factPage(String unitId, int offset, int limit) {
        unit(unitId);
        int total = factLog.size(unitId);
        List<FactEntry> page = new ArrayList<>(Math.min(limit, Math.max(0, total - offset)));
        factLog.forEachBetween(unitId, offset, (int) Math.min((long) offset + limit, total), d -> page.add(FactEntry.fromDocument(d)));
        return new FactPage(total, offset, page);
    }

    /**
     * The unit's fact of this event, which the event store holds at {@code position}: from the
     * decoded log when it is held and has it, else found by the position among the log's chunks (a
     * dozen small reads for the busiest unit at a million events), where the drill-down read and
     * searched its whole log (issue 14). The caller has checked that the unit exists ({@link #unit}).
     */
    public java.util.Optional<FactEntry> fact(String unitId, long position, String eventId) {
        java.util.Optional<FactEntry> held = facts.held(unitId).flatMap(log -> at(log, position, eventId));
        return held.isPresent() ? held : factLog.entryAt(unitId, position, eventId).map(FactEntry::fromDocument);
    }

    /** The entry of the event at the position in a log in position order, by halving. */
    static java.util.Optional<FactEntry> at(List<FactEntry> log, long position, String eventId) {
        int low = 0;
        int high = log.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (log.get(middle).position() < position) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        for (int i = low; i < log.size() && log.get(i).position() == position; i++) {
            if (log.get(i).eventId().equals(eventId)) {
                return java.util.Optional.of(log.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    public ScoreCard score(String unitId, String schemeId, Instant asOf) {
        return card(unit(unitId), scheme(schemeId), asOf == null ? clock.instant() : asOf);
    }

    private ScoreCard card(UnitView unit, SchemeView scheme, Instant at) {
        SchemeView.Version version = versionAt(scheme, at);
        return folded.card(new UnitProfile(unit.id(), unit.type()), version.document(), version.version(), facts.read(unit.id()), at,
                scheme.reportingClosedBy(at));
    }

    /**
     * The score under the scheme version in force at {@code versionAt}, from the facts recorded by
     * {@code knownAt} that pass {@code counted}; the card says {@code versionAt} as its instant.
     */
    public ScoreCard score(String unitId, String schemeId, Instant versionAt, Instant knownAt, java.util.function.Predicate<FactEntry> counted) {
        UnitView unit = unit(unitId);
        SchemeView scheme = scheme(schemeId);
        SchemeView.Version version = versionAt(scheme, versionAt);
        List<Fact> unitFacts = facts(unitId).stream().filter(counted).map(FactEntry::toFact).toList();
        ScoreCard card = Scoring.score(version.document(), version.version(), new UnitProfile(unit.id(), unit.type()), unitFacts, knownAt,
                scheme.reportingClosedBy(knownAt));
        return new ScoreCard(card.unitId(), card.schemeId(), card.schemeVersion(), versionAt, card.total(), card.regular(), card.bonus(), card.items());
    }

    /**
     * Each unit's baseline totals in a round ({@link #baseline}'s, the scheme read once): from
     * the nearest of the checkpoints kept for totals along its log, reading only the stretch after
     * it; where that stretch holds a record found untrue that the checkpoint was not told of, from
     * the unit's card. A round's result, and through it the year-end result and its notice.
     */
    public List<Standing> baselineTotals(List<UnitView> units, String schemeId, Instant cutoff, long upToPosition) {
        return atBaseline(units, schemeId, cutoff, upToPosition, (ledger, closed) -> Standing.of(ledger.reportingClosed(closed)), Standing::of);
    }

    /**
     * Each unit's baseline card in a round without its evidence ({@link #baseline}'s, but for its
     * contributions), from the checkpoints kept for totals as {@link #baselineTotals}: the Excel
     * export of a round's baselines.
     */
    public List<ScoreCard> baselineCardsWithoutEvidence(List<UnitView> units, String schemeId, Instant cutoff, long upToPosition) {
        return atBaseline(units, schemeId, cutoff, upToPosition,
                (ledger, closed) -> ledger.reportingClosed(closed).cardWithoutEvidence(cutoff), ScoreCard::withoutEvidence);
    }

    /**
     * Each unit's answer at a round's baseline: read from a ledger of the checkpoints kept for totals
     * (told whether reporting is closed), else from the unit's card. The scheme is read once.
     */
    private <T> List<T> atBaseline(List<UnitView> units, String schemeId, Instant cutoff, long upToPosition,
                                   java.util.function.BiFunction<UnitLedger, Boolean, T> fromLedger, Function<ScoreCard, T> fromCard) {
        if (units.isEmpty()) {
            // A round frozen before any unit was registered: no baseline to score, whether or not the
            // scheme existed at its cutoff (the version in force is asked for only to score a unit).
            return List.of();
        }
        SchemeView scheme = scheme(schemeId);
        SchemeView.Version version = versionAt(scheme, cutoff);
        boolean closed = scheme.reportingClosedBy(Instant.MAX);
        // Side by side: each unit's chain is its own (locked per unit), and the first such read after a
        // start folds every unit's whole log to build them (seconds at a million events), reading and
        // decoding while another unit folds. The order of the units is kept.
        return units.parallelStream().map(u -> checkpoints.upTo(new UnitProfile(u.id(), u.type()), version.document(), version.version(),
                        storedLog(u.id()), upToPosition, ledger -> fromLedger.apply(ledger, closed))
                .orElseGet(() -> fromCard.apply(baseline(u, scheme, cutoff, upToPosition)))).toList();
    }

    /**
     * Each unit's card as of an instant without its evidence ({@link #score(String, String, Instant)}'s,
     * but for its contributions): from the checkpoints kept for totals, reading only the stretch
     * after the nearest one, else (a record found untrue in that stretch) from the unit's card. The
     * Excel export: its cards folded every unit's whole log with its evidence, 10 s at a million events.
     */
    public List<ScoreCard> cardsWithoutEvidence(List<UnitView> units, String schemeId, Instant at) {
        SchemeView scheme = scheme(schemeId);
        if (units.isEmpty()) {
            return List.of();
        }
        SchemeView.Version version = versionAt(scheme, at);
        boolean closed = scheme.reportingClosedBy(at);
        return units.parallelStream().map(u -> checkpoints.asOf(new UnitProfile(u.id(), u.type()), version.document(), version.version(),
                        storedLog(u.id()), at, ledger -> ledger.reportingClosed(closed).cardWithoutEvidence(at))
                .orElseGet(() -> card(u, scheme, at).withoutEvidence())).toList();
    }

    /**
     * Builds, or brings to the end of each log, every unit's checkpoints kept for totals under the
     * version in force now of the newest two years' schemes: the year being assessed and the one
     * before it, whose year-end result is read early in the next. The answers for every unit at
     * once (a round's result, the year-end result, a ranking or a notice as of an instant, the Excel
     * export) then fold only the stretch after a checkpoint, even the first one after a start: built
     * by that first answer, the checkpoints took it 5.6-7.9 s at a million events. Nothing answered
     * changes: an answer extends a chain as this does, and a chain is never trusted over the log.
     * One unit at a time, on the caller's thread ({@link TotalsWarmUp}'s); an answer asking for a
     * unit meanwhile waits for that unit's chain only. A chain not yet held is built only while the
     * bound has room ahead ({@link TotalsCheckpoints#hasRoomAhead}): past it, units are left to their
     * answers rather than built, dropped and built again on every pass.
     */
    public Warmed keepTotalsCheckpointsWarm() {
        List<SchemeView> schemes = schemes();
        int newest = schemes.stream().mapToInt(SchemeView::year).max().orElse(0);
        List<UnitView> units = units();
        Instant now = clock.instant();
        long folded = 0;
        int left = 0;
        for (SchemeView scheme : schemes) {
            SchemeView.Version version = scheme.year() >= newest - 1 ? scheme.versionAt(now).orElse(null) : null;
            if (version == null) {
                continue; // an older year's, or not yet in force
            }
            for (UnitView u : units) {
                UnitProfile unit = new UnitProfile(u.id(), u.type());
                if (!checkpoints.holds(unit, version.document(), version.version()) && !checkpoints.hasRoomAhead()) {
                    left++;
                    continue;
                }
                folded += checkpoints.extendToEnd(unit, version.document(), version.version(), storedLog(u.id()));
            }
        }
        return new Warmed(folded, left);
    }

    /** What a warm-up did: the facts it folded, and the units (under a scheme) it left to their answers, the bound reached. */
    public record Warmed(long facts, int unitsLeft) {
    }

    /** How many chains of checkpoints kept for totals are held (one per unit and scheme version asked for). */
    int totalsChainsHeld() {
        return checkpoints.size();
    }

    /**
     * The unit's fact log as stored, a stretch at a time, for one answer: its decoded entries, brought
     * up to date from the log's last chunk once for the answer, when they are held or there is room
     * to hold them (a district's or a hundred thousand events' logs all fit); else only the stretch,
     * from the store (at a million events, most logs). Reading stretches from the store whenever a
     * log was not held made a round's result about 50 ms p50 at 10k and 100k events, against 23 ms in
     * release 18, most of it decoding the same facts again on every request (JFR of the reads).
     */
    private TotalsCheckpoints.Log storedLog(String unitId) {
        return new TotalsCheckpoints.Log() {
            List<FactEntry> held;

            @Override
            public void expect(int entries) {
                // Never folded, the log's length is asked of the store (its last chunk): a log that does
                // not fit would otherwise be read whole into the cache and evict others. At a million
                // events the first build for every unit took 6.8-7.9 s that way.
                held = facts.held(unitId).isPresent()
                        || facts.hasRoomFor(entries != TotalsCheckpoints.UNKNOWN ? entries : factLog.size(unitId))
                        ? facts.read(unitId) : null;
            }

            @Override
            public void forEachBetween(int from, int to, java.util.function.Consumer<FactEntry> entry) {
                if (held != null) {
                    for (int i = Math.max(0, from); i < Math.min(to, held.size()); i++) {
                        entry.accept(held.get(i));
                    }
                } else {
                    factLog.forEachBetween(unitId, from, to, d -> entry.accept(FactEntry.fromDocument(d)));
                }
            }
        };
    }

    /**
     * An inspection round's baseline of a unit: its facts up to the round's frozen position, every
     * one counted, under the scheme version in force at the cutoff; the card says the cutoff. The
     * same answer as {@link #score(String, String, Instant, Instant, java.util.function.Predicate)}
     * with {@code position <= upToPosition} known at {@link Instant#MAX}, folded from the ledger's
     * nearest checkpoint instead of from nothing.
     */
    private ScoreCard baseline(UnitView unit, SchemeView scheme, Instant cutoff, long upToPosition) {
        String unitId = unit.id();
        SchemeView.Version version = versionAt(scheme, cutoff);
        List<FactEntry> log = facts.read(unitId);
        // The log is in position order (ChunkedLog.append refuses an earlier position): the facts up
        // to the position are a prefix of it.
        int count = 0;
        while (count < log.size() && log.get(count).position() <= upToPosition) {
            count++;
        }
        ScoreCard card = folded.prefixCard(new UnitProfile(unit.id(), unit.type()), version.document(), version.version(), log, count,
                scheme.reportingClosedBy(Instant.MAX));
        return new ScoreCard(card.unitId(), card.schemeId(), card.schemeVersion(), cutoff, card.total(), card.regular(), card.bonus(), card.items());
    }

    private static SchemeView.Version versionAt(SchemeView scheme, Instant at) {
        return scheme.versionAt(at).orElseThrow(() -> new NotFoundException(
                "该时间考核方案尚未起草 / scheme " + scheme.id() + " did not exist at " + at));
    }

    public record WhatIfRow(String unitId, String name, BigDecimal current, BigDecimal whatIf, BigDecimal delta,
                            List<ItemDelta> items) {
    }

    public record ItemDelta(String code, BigDecimal current, BigDecimal whatIf, BigDecimal delta) {
    }

    /**
     * Every unit's score now under the scheme version in force, beside its score from the same
     * facts under {@code alternative}; nothing is written.
     */
    public List<WhatIfRow> whatIf(String schemeId, cn.duban.kernel.scheme.SchemeDocument alternative) {
        SchemeView scheme = scheme(schemeId);
        Instant now = clock.instant();
        SchemeView.Version current = versionAt(scheme, now);
        List<WhatIfRow> rows = new ArrayList<>();
        for (UnitView u : units()) {
            List<Fact> unitFacts = facts.read(u.id()).stream().map(FactEntry::toFact).toList();
            UnitProfile profile = new UnitProfile(u.id(), u.type());
            ScoreCard before = Scoring.score(current.document(), current.version(), profile, unitFacts, now, scheme.reportingClosedBy(now));
            ScoreCard after = Scoring.score(alternative, 0, profile, unitFacts, now, scheme.reportingClosedBy(now));
            if (before.items().isEmpty() && after.items().isEmpty()) {
                continue;
            }
            java.util.Map<String, BigDecimal> was = new java.util.HashMap<>();
            before.items().forEach(i -> was.put(i.code(), i.score()));
            List<ItemDelta> items = new ArrayList<>();
            for (var i : after.items()) {
                BigDecimal old = was.remove(i.code());
                if (old == null || old.compareTo(i.score()) != 0) {
                    items.add(new ItemDelta(i.code(), old, i.score(), i.score().subtract(old == null ? BigDecimal.ZERO : old)));
                }
            }
            was.forEach((code, old) -> items.add(new ItemDelta(code, old, null, old.negate())));
            rows.add(new WhatIfRow(u.id(), u.name(), before.total(), after.total(), after.total().subtract(before.total()), items));
        }
        return rows;
    }

    /** Points kept when a caller names no limit: a year of a busy unit fits, a megabyte never. */
    public static final int DEFAULT_TIMELINE_POINTS = 1000;

    public Timeline timeline(String unitId, String schemeId, Instant from, Instant to, int limit) {
        unit(unitId);
        scheme(schemeId);
        // A busy unit's timeline has a point per fact (125,000 at a million events), an answer at
        // most `limit` of them. Without a range only the chunks holding the points kept are read
        // (at 1M events the whole timeline took 1.2-2.4 s to read, its documents encoded by the
        // embedded server and decoded by the driver); a range is read whole, since recording
        // instants may step back along the log. Only the points kept are decoded either way.
        String key = ScoreProjection.key(schemeId, unitId);
        if (from == null && to == null) {
            int total = timelines.size(key);
            if (total > limit) {
                int[] kept = fromStrides(total, strides.size(key), limit);
                if (kept.length > 0) {
                    List<Document> points = new ArrayList<>(strides.entriesAt(key, kept));
                    if ((total - 1) % ScoreProjection.TIMELINE_STRIDE != 0) {
                        points.addAll(timelines.entriesAt(key, new int[] {total - 1}));
                    }
                    return new Timeline(unitId, schemeId, decode(points), total, true);
                }
                return new Timeline(unitId, schemeId, decode(timelines.entriesAt(key, evenlySpacedIndexes(total, limit))), total, true);
            }
        }
        List<Document> inRange = timelines.read(key).stream()
                .filter(d -> from == null && to == null || within(FactEntry.instantOf(d.get("at")), from, to))
                .toList();
        return new Timeline(unitId, schemeId, decode(evenlySpaced(inRange, limit)), inRange.size(), inRange.size() > limit);
    }

    private static List<TimelinePoint> decode(List<Document> points) {
        return points.stream().map(d -> ReadModelJson.fromDocument(d, TimelinePoint.class)).toList();
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    /**
     * Which of a long timeline's strides (every {@value ScoreProjection#TIMELINE_STRIDE}th point) its
     * default answer keeps, evenly spaced, the timeline's last point added to them: as many points
     * in all as asked, as from the timeline itself, spaced as evenly to within a stride. None (the
     * points are then picked from the timeline, which then takes fewer chunks than asked points to
     * read) when there are fewer strides than that, when they are not all stored (a store written
     * before there were strides, until a rebuild; or read between the strides' write and their
     * timeline's), or when only the first and the last point are asked for.
     */
    static int[] fromStrides(int total, int storedStrides, int limit) {
        int strides = (total + ScoreProjection.TIMELINE_STRIDE - 1) / ScoreProjection.TIMELINE_STRIDE;
        boolean lastIsAStride = (total - 1) % ScoreProjection.TIMELINE_STRIDE == 0;
        int room = lastIsAStride ? limit : limit - 1;
        if (limit < 3 || storedStrides != strides || strides < room) {
            return new int[0];
        }
        return evenlySpacedIndexes(strides, room);
    }

    static <T> List<T> evenlySpaced(List<T> all, int limit) {
        if (all.size() <= limit) {
            return all;
        }
        return IntStream.of(evenlySpacedIndexes(all.size(), limit)).mapToObj(all::get).toList();
    }

    /** The indexes of `limit` evenly spaced points of `total`, the first and the last among them (the last alone for one). */
    static int[] evenlySpacedIndexes(int total, int limit) {
        int[] kept = new int[limit];
        for (int k = 0; k < limit; k++) {
            kept[k] = limit == 1 ? total - 1 : (int) Math.round((double) k * (total - 1) / (limit - 1));
        }
        return kept;
    }

    public List<RankingEntry> ranking(String schemeId, Instant asOf) {
        SchemeView scheme = scheme(schemeId);
        List<UnitView> all = units();
        List<RankingEntry> rows = new ArrayList<>();
        if (asOf == null) {
            Map<String, ScoreTotals> current = currentTotals(schemeId, all);
            for (UnitView u : all) {
                ScoreTotals t = current.get(u.id());
                if (t != null) {
                    rows.add(new RankingEntry(u.id(), u.name(), u.type(), t.total(), t.regular(), t.bonus(), 0));
                }
            }
        } else {
            SchemeView.Version version = versionAt(scheme, asOf); // a 404 when the scheme did not exist then, whatever the units
            for (UnitView u : all) {
                if (u.registeredAt().isAfter(asOf)) {
                    continue;
                }
                // The totals of the unit's own score then, reporting closed or not: from the checkpoints
                // kept for totals, else (a record found untrue in the stretch read) from its card.
                Standing standing = checkpoints.asOf(new UnitProfile(u.id(), u.type()), version.document(), version.version(),
                        storedLog(u.id()), asOf, scheme.reportingClosedBy(asOf)).orElseGet(() -> Standing.of(card(u, scheme, asOf)));
                if (standing.assessed()) {
                    Totals t = standing.totals();
                    // named as it was then: a notice published before a rename reads as published
                    rows.add(new RankingEntry(u.id(), u.nameAt(asOf), u.type(), t.total(), t.regular(), t.bonus(), 0));
                }
            }
        }
        return ranked(rows);
    }

    /**
     * The maintained current totals of these units under the scheme, by unit id: one read. A unit
     * the scheme does not apply to (or no longer, retired) has none, as its card now has no items.
     */
    private Map<String, ScoreTotals> currentTotals(String schemeId, List<UnitView> units) {
        List<String> ids = units.stream().map(u -> ScoreProjection.key(schemeId, u.id())).toList();
        return totals.find(Filters.in("_id", ids)).into(new ArrayList<>()).stream()
                .map(d -> ReadModelJson.fromDocument(d, ScoreTotals.class))
                .collect(Collectors.toMap(ScoreTotals::unitId, Function.identity()));
    }

    /** Best first; equal totals share a rank (1, 2, 2, 4), ties listed by unit id. */
    public static List<RankingEntry> ranked(List<RankingEntry> rows) {
        List<RankingEntry> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(RankingEntry::total).reversed().thenComparing(RankingEntry::unitId));
        List<RankingEntry> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            RankingEntry r = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).total().compareTo(r.total()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new RankingEntry(r.unitId(), r.name(), r.type(), r.total(), r.regular(), r.bonus(), rank));
        }
        return out;
    }
}
