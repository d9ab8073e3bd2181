package cn.duban.query.assessment;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.Totals;
import cn.duban.kernel.scoring.UnitLedger;
import cn.duban.kernel.scoring.UnitProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every unit's totals at an earlier point of its log, without its log: the answers that score every
 * unit at once (an inspection round's baselines, a ranking as of an instant, and through them the
 * year-end result and the notices). Per unit and scheme version a ledger kept for totals
 * ({@link UnitLedger#forTotals}) is folded along the log once, and a copy taken every
 * {@link #SPACING} facts; an answer copies the nearest checkpoint and reads and folds only the
 * stretch of the log after it. At a million events a round's result read and folded every unit's
 * whole log on each request (7.5 s p50 in release 18's table), as {@link FoldedLedgers} holds ledgers
 * for 300,000 facts only; these checkpoints keep no facts, a few kilobytes each.
 *
 * <p>A ledger kept for totals must be told of a record found untrue before it meets the record's
 * facts. Every checkpoint is told only of the disqualifications before it in the log, so it is the
 * state of that prefix: when the fold meets one it was not told of, it folds the log again from the
 * start, told of it, and the checkpoints already taken stay as they were. An answer whose stretch
 * holds such a disqualification cannot be folded on from its checkpoint: it is empty, and the caller
 * folds the unit's whole log instead. Such findings are rare (a recheck that finds a record untrue).
 *
 * <p>A cache of the log, never trusted over it: each time a chain is extended, the entry before
 * the first one read must be the last one folded, or the chain is folded again from the start (a
 * rebuild). Answers equal the fold from nothing over the same facts ({@code TotalsCheckpointsTest}).
 * Bounded by the number of checkpoints held; past it the least recently read chains are dropped.
 */
final class TotalsCheckpoints {
    /** A checkpoint every this many facts: an answer reads and folds at most this many (and a stretch recorded out of order). */
    static final int SPACING = 256;

    /** A unit's fact log as stored: its entries from one index up to another (exclusive), in order, fewer where the log ends. */
    interface Log {
        void forEachBetween(int from, int to, Consumer<FactEntry> entry);

        /** Told, before the first read, how long the log was when last folded; {@link #UNKNOWN} if it never was. */
        default void expect(int entries) {
        }
    }

    /** What {@link Log#expect} is told of a log not yet folded. */
    static final int UNKNOWN = -1;

    record Key(String unitId, String schemeId, int version) {
    }


    /**
     * The ledger after {@code folded} facts; the position and id of the last of them; the latest
     * instant recorded among them; and the earliest recorded among the facts since the checkpoint
     * before, so that a stretch recorded wholly after an instant is skipped unread.
     */
    private record Checkpoint(int folded, long lastPosition, String lastEventId, Instant latest, Instant earliestSinceLast,
                              UnitLedger ledger) {
    }

    /** The checkpoints of one unit's log under one scheme version, and the ledger folded to where the chain ends. */
    private static final class Chain {
        final List<Checkpoint> checkpoints = new ArrayList<>();
        UnitLedger running;
        /** The disqualifications of the log the running ledger was told of, all before where it ends. */
        final List<Fact.Disqualification> foreseen = new ArrayList<>();
        int folded;
        /** Whether the log was ever read: a log with no facts is folded, and stays at 0. */
        boolean read;
        long lastPosition = -1;
        String lastEventId;
        Instant latest = Instant.MIN;
        Instant earliestSinceLast = Instant.MAX;

        Chain(UnitLedger empty) {
            start(empty);
        }

        void start(UnitLedger empty) {
            checkpoints.clear();
            foreseen.clear();
            running = empty;
            folded = 0;
            lastPosition = -1;
            lastEventId = null;
            latest = Instant.MIN;
            earliestSinceLast = Instant.MAX;
            checkpoints.add(new Checkpoint(0, -1, null, Instant.MIN, Instant.MAX, empty.copy()));
        }

        /** The stretch after checkpoint {@code k}: up to the next one, or to where the chain ends. */
        int endOfStretch(int k) {
            return k + 1 < checkpoints.size() ? checkpoints.get(k + 1).folded() : folded;
        }
    }

    private final int maxCheckpoints;
    private final LinkedHashMap<Key, Chain> recent = new LinkedHashMap<>(64, 0.75f, true);
    private int held;

    TotalsCheckpoints(int maxCheckpoints) {
        this.maxCheckpoints = maxCheckpoints;
    }

    /**
     * The totals of {@code unit} under this scheme version from the facts of its log at positions up
     * to {@code upToPosition}, every one counted whenever recorded (an inspection round's baseline,
     * the log frozen at the round's position), with reporting closed or not; empty when the stretch
     * after the nearest checkpoint holds a disqualification it was not told of.
     */
    Optional<ScoreQueries.Standing> upTo(UnitProfile unit, SchemeDocument scheme, int version, Log log, long upToPosition, boolean closed) {
        return upTo(unit, scheme, version, log, upToPosition, ledger -> totals(ledger, closed));
    }

    /**
     * As {@link #upTo(UnitProfile, SchemeDocument, int, Log, long, boolean)}, answered by {@code read}
     * from a ledger of its own (one the caller may change) folded to the position.
     */
    <T> Optional<T> upTo(UnitProfile unit, SchemeDocument scheme, int version, Log log, long upToPosition, Function<UnitLedger, T> read) {
        Key key = new Key(unit.id(), scheme.id(), version);
        Chain chain = chain(key, scheme, version, unit);
        synchronized (chain) {
            log.expect(chain.read ? chain.folded : UNKNOWN);
            if (chain.lastPosition <= upToPosition) {
                extend(chain, key, scheme, version, unit, log);
            }
            if (chain.lastPosition <= upToPosition) {
                return Optional.of(read.apply(chain.running.copy()));
            }
            int k = 0;
            while (k + 1 < chain.checkpoints.size() && chain.checkpoints.get(k + 1).lastPosition() <= upToPosition) {
                k++;
            }
            Checkpoint from = chain.checkpoints.get(k);
            UnitLedger ledger = from.ledger().copy();
            boolean[] refused = {false};
            log.forEachBetween(from.folded(), chain.endOfStretch(k), e -> {
                if (!refused[0] && e.position() <= upToPosition) {
                    refused[0] = !fold(ledger, e);
                }
            });
            return refused[0] ? Optional.empty() : Optional.of(read.apply(ledger));
        }
    }

    /**
     * The totals of {@code unit} under this scheme version from the facts of its log recorded by
     * {@code knownAt}, with reporting closed or not; empty as for {@link #upTo}. The chain is first
     * extended to the log's end, as a fact may be recorded out of order.
     */
    Optional<ScoreQueries.Standing> asOf(UnitProfile unit, SchemeDocument scheme, int version, Log log, Instant knownAt, boolean closed) {
        return asOf(unit, scheme, version, log, knownAt, ledger -> totals(ledger, closed));
    }

    /**
     * As {@link #asOf(UnitProfile, SchemeDocument, int, Log, Instant, boolean)}, answered by {@code read}
     * from a ledger of its own (one the caller may change) folded to the instant.
     */
    <T> Optional<T> asOf(UnitProfile unit, SchemeDocument scheme, int version, Log log, Instant knownAt, Function<UnitLedger, T> read) {
        Key key = new Key(unit.id(), scheme.id(), version);
        Chain chain = chain(key, scheme, version, unit);
        synchronized (chain) {
            log.expect(chain.read ? chain.folded : UNKNOWN);
            extend(chain, key, scheme, version, unit, log);
            if (!chain.latest.isAfter(knownAt)) {
                return Optional.of(read.apply(chain.running.copy()));
            }
            int k = 0;
            while (k + 1 < chain.checkpoints.size() && !chain.checkpoints.get(k + 1).latest().isAfter(knownAt)) {
                k++;
            }
            UnitLedger ledger = chain.checkpoints.get(k).ledger().copy();
            boolean[] refused = {false};
            for (int s = k; s < chain.checkpoints.size() && !refused[0]; s++) {
                Instant earliest = s + 1 < chain.checkpoints.size() ? chain.checkpoints.get(s + 1).earliestSinceLast() : chain.earliestSinceLast;
                if (earliest.isAfter(knownAt)) {
                    continue; // nothing in this stretch was recorded by then
                }
                log.forEachBetween(chain.checkpoints.get(s).folded(), chain.endOfStretch(s), e -> {
                    if (!refused[0] && !e.recordedAt().isAfter(knownAt)) {
                        refused[0] = !fold(ledger, e);
                    }
                });
            }
            return refused[0] ? Optional.empty() : Optional.of(read.apply(ledger));
        }
    }

    /**
     * Brings the chain of {@code unit} under this scheme version to the end of its log, as the next
     * answer would, and answers nothing: the checkpoints kept warm ahead of the answers
     * ({@link ScoreQueries#keepTotalsCheckpointsWarm}). Returns how many facts it folded.
     */
    int extendToEnd(UnitProfile unit, SchemeDocument scheme, int version, Log log) {
        Key key = new Key(unit.id(), scheme.id(), version);
        Chain chain = chain(key, scheme, version, unit);
        synchronized (chain) {
            log.expect(chain.read ? chain.folded : UNKNOWN);
            return extend(chain, key, scheme, version, unit, log);
        }
    }

    private static ScoreQueries.Standing totals(UnitLedger ledger, boolean closed) {
        return ScoreQueries.Standing.of(ledger.reportingClosed(closed));
    }

    /** Folds one fact; false when it is a disqualification the ledger was not told of. */
    private static boolean fold(UnitLedger ledger, FactEntry e) {
        Fact fact = e.toFact();
        if (fact instanceof Fact.Disqualification d && !ledger.foresees(d)) {
            return false;
        }
        ledger.record(fact);
        return true;
    }

    /**
     * Folds the facts stored after where the chain ends, checking first that the log continues what
     * was folded; returns how many it folded.
     */
    private int extend(Chain chain, Key key, SchemeDocument scheme, int version, UnitProfile unit, Log log) {
        chain.read = true;
        int before = chain.checkpoints.size();
        int from = chain.folded;
        int[] appended = {0};
        boolean[] restart = {false};
        boolean[] first = {true};
        log.forEachBetween(Math.max(0, from - 1), Integer.MAX_VALUE, e -> {
            if (restart[0]) {
                return;
            }
            if (first[0] && from > 0) {
                first[0] = false;
                restart[0] = !e.eventId().equals(chain.lastEventId);
                return;
            }
            first[0] = false;
            append(chain, scheme, version, unit, log, e);
            appended[0]++;
        });
        if (restart[0] || (from > 0 && first[0])) {
            // Not a continuation of what was folded (a rebuild, or a shorter log): from the start.
            chain.start(UnitLedger.forTotals(scheme, version, unit, List.of()));
            appended[0] = 0;
            log.forEachBetween(0, Integer.MAX_VALUE, e -> {
                append(chain, scheme, version, unit, log, e);
                appended[0]++;
            });
        }
        if (chain.checkpoints.size() != before) {
            remember(key, chain);
        }
        return appended[0];
    }

    private static void append(Chain chain, SchemeDocument scheme, int version, UnitProfile unit, Log log, FactEntry e) {
        Fact fact = e.toFact();
        if (fact instanceof Fact.Disqualification d && !chain.running.foresees(d)) {
            // Told of it, the log up to it is folded again; the checkpoints before it stay (they were not told).
            chain.foreseen.add(d);
            UnitLedger again = UnitLedger.forTotals(scheme, version, unit, chain.foreseen);
            int upTo = chain.folded;
            log.forEachBetween(0, upTo, earlier -> again.record(earlier.toFact()));
            chain.running = again;
        }
        chain.running.record(fact);
        chain.folded++;
        chain.lastPosition = e.position();
        chain.lastEventId = e.eventId();
        if (e.recordedAt().isAfter(chain.latest)) {
            chain.latest = e.recordedAt();
        }
        if (e.recordedAt().isBefore(chain.earliestSinceLast)) {
            chain.earliestSinceLast = e.recordedAt();
        }
        if (chain.folded % SPACING == 0) {
            chain.checkpoints.add(new Checkpoint(chain.folded, chain.lastPosition, chain.lastEventId, chain.latest,
                    chain.earliestSinceLast, chain.running.copy()));
            chain.earliestSinceLast = Instant.MAX;
        }
    }

    private synchronized Chain chain(Key key, SchemeDocument scheme, int version, UnitProfile unit) {
        return recent.computeIfAbsent(key, k -> {
            Chain c = new Chain(UnitLedger.forTotals(scheme, version, unit, List.of()));
            held += c.checkpoints.size();
            return c;
        });
    }

    /** Counts the chain's checkpoints again and drops the least recently read chains past the bound. */
    private synchronized void remember(Key key, Chain chain) {
        held = recent.values().stream().mapToInt(c -> c.checkpoints.size()).sum();
        var it = recent.entrySet().iterator();
        while (held > maxCheckpoints && it.hasNext()) {
            var eldest = it.next();
            if (eldest.getKey().equals(key)) {
                continue;
            }
            held -= eldest.getValue().checkpoints.size();
            it.remove();
        }
    }

    /** Whether the chain of this unit under this scheme version is held. */
    synchronized boolean holds(UnitProfile unit, SchemeDocument scheme, int version) {
        return recent.containsKey(new Key(unit.id(), scheme.id(), version));
    }

    /**
     * Whether a chain not yet held may be built ahead of the answers: while three quarters of the
     * bound are free of checkpoints. Built past it, a warm-up would drop chains it built itself and
     * fold them again on its next pass, every pass.
     */
    synchronized boolean hasRoomAhead() {
        return held < maxCheckpoints * 3L / 4;
    }

    /** How many chains are held now. */
    synchronized int size() {
        return recent.size();
    }
}
