package cn.duban.query.assessment;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.scoring.UnitLedger;
import cn.duban.kernel.scoring.UnitProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Score answers from ledgers kept folded (issue 14). Per unit and scheme version there is a ledger
 * folded to the end of the unit's fact log, and copies of it taken along the way (checkpoints). A
 * current score reads the folded ledger; an answer as of an earlier instant copies the latest
 * checkpoint whose facts were all recorded by then and folds only the facts after it. Either way
 * the answer is {@link cn.duban.kernel.scoring.Scoring#score}'s over the same facts in the same
 * order: the facts recorded by the instant, folded from nothing ({@code FoldedLedgersTest}).
 *
 * <p>A cache of the fact log, never trusted over it: the log it is given is compared with what was
 * folded (its length and the id of the last fact folded), and a log that is not a continuation (a
 * rebuild) is folded again from the start. Bounded by weight, the facts held in ledgers plus a
 * small weight per checkpoint (which shares its ledger's lists); past it the least recently read are dropped.
 */
final class FoldedLedgers {
    /**
     * A checkpoint every this many facts: an {@code asOf} answer folds at most this many. A checkpoint
     * shares the ledger's lists (a {@link UnitLedger#copy} costs O(1) in facts), so each holds only
     * its own tallies' small maps, a few kilobytes.
     */
    static final int SPACING = 256;
    /** What a checkpoint weighs, in facts, for the bound on what is held: its maps, not the facts it shares. */
    static final int CHECKPOINT_WEIGHT = 32;

    record Key(String unitId, String schemeId, int version) {
    }

    /**
     * The ledger after {@code folded} facts, the latest instant recorded among them, and the earliest
     * recorded among the facts since the checkpoint before: an {@code asOf} answer skips a stretch
     * of the log recorded wholly after its instant without reading it.
     */
    private record Checkpoint(int folded, Instant latest, Instant earliestSinceLast, UnitLedger ledger) {
    }

    private static final class Folded {
        UnitLedger live;
        /** How many facts of the log are in {@link #live}, the id of the last of them, and the latest instant recorded among them. */
        int folded;
        String lastEventId;
        Instant latest = Instant.MIN;
        /** The earliest instant recorded among the facts folded since the last checkpoint. */
        Instant earliestSinceLast = Instant.MAX;
        /** Immutable once taken: each is copied before anything more is folded into it. */
        final List<Checkpoint> checkpoints = new ArrayList<>();
        /** The card of {@link #live} as last read, for this many facts and this state of reporting. */
        ScoreCard card;
        int cardFolded = -1;
        boolean cardClosed;

        Folded(UnitLedger live) {
            this.live = live;
        }

        /** Back to nothing folded: the log given is not a continuation of what was. */
        void restart(UnitLedger empty) {
            live = empty;
            folded = 0;
            lastEventId = null;
            latest = Instant.MIN;
            earliestSinceLast = Instant.MAX;
            checkpoints.clear();
            card = null;
            cardFolded = -1;
        }

        long weight() {
            return folded + (long) checkpoints.size() * CHECKPOINT_WEIGHT;
        }
    }

    private final long maxWeight;
    private final LinkedHashMap<Key, Folded> recent = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Key, Long> weights = new java.util.HashMap<>();
    private long held;

    FoldedLedgers(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /**
     * The card of {@code unit} under this scheme version from the facts of {@code log} recorded by
     * {@code knownAt}, with reporting closed or not; its instant is {@code knownAt}.
     */
    ScoreCard card(UnitProfile unit, SchemeDocument scheme, int version, List<FactEntry> log, Instant knownAt, boolean closed) {
        Key key = new Key(unit.id(), scheme.id(), version);
        Folded f;
        synchronized (this) {
            f = recent.computeIfAbsent(key, k -> new Folded(new UnitLedger(scheme, version, unit)));
        }
        Checkpoint from = null;
        List<Checkpoint> later;
        synchronized (f) {
            if (!continues(f, log)) {
                f.restart(new UnitLedger(scheme, version, unit));
            }
            foldTo(f, log);
            remember(key, f.weight());
            if (!f.latest.isAfter(knownAt)) {
                if (f.cardFolded != f.folded || f.cardClosed != closed) {
                    f.card = f.live.reportingClosed(closed).card(knownAt);
                    f.cardFolded = f.folded;
                    f.cardClosed = closed;
                }
                ScoreCard c = f.card;
                return new ScoreCard(c.unitId(), c.schemeId(), c.schemeVersion(), knownAt, c.total(), c.regular(), c.bonus(), c.items());
            }
            int after = 0;
            while (after < f.checkpoints.size() && !f.checkpoints.get(after).latest().isAfter(knownAt)) {
                from = f.checkpoints.get(after++);
            }
            later = List.copyOf(f.checkpoints.subList(after, f.checkpoints.size()));
        }
        // A private copy, folded outside the lock: checkpoints are never changed once taken.
        UnitLedger ledger = from == null ? new UnitLedger(scheme, version, unit) : from.ledger().copy();
        int i = from == null ? 0 : from.folded();
        for (Checkpoint next : later) {
            if (next.earliestSinceLast().isAfter(knownAt)) {
                i = next.folded();
            }
            i = foldRecordedBy(ledger, log, i, next.folded(), knownAt);
        }
        foldRecordedBy(ledger, log, i, log.size(), knownAt);
        return ledger.reportingClosed(closed).card(knownAt);
    }

    /**
     * The card of {@code unit} under this scheme version from the first {@code count} facts of
     * {@code log}, every one of them counted whenever it was recorded: an inspection round's baseline,
     * the log frozen at the round's position. From the latest checkpoint within them, so at most
     * {@link #SPACING} facts are folded; its instant is {@link Instant#MAX}, as the fold from nothing
     * that knows every fact ({@code FoldedLedgersTest}).
     */
    ScoreCard prefixCard(UnitProfile unit, SchemeDocument scheme, int version, List<FactEntry> log, int count, boolean closed) {
        if (count < 0 || count > log.size()) {
            throw new IllegalArgumentException("a prefix of " + count + " facts of a log of " + log.size());
        }
        Key key = new Key(unit.id(), scheme.id(), version);
        Folded f;
        synchronized (this) {
            f = recent.computeIfAbsent(key, k -> new Folded(new UnitLedger(scheme, version, unit)));
        }
        Checkpoint from = null;
        synchronized (f) {
            if (!continues(f, log)) {
                f.restart(new UnitLedger(scheme, version, unit));
            }
            foldTo(f, log);
            remember(key, f.weight());
            for (Checkpoint c : f.checkpoints) {
                if (c.folded() > count) {
                    break;
                }
                from = c;
            }
        }
        UnitLedger ledger = from == null ? new UnitLedger(scheme, version, unit) : from.ledger().copy();
        for (int i = from == null ? 0 : from.folded(); i < count; i++) {
            ledger.record(log.get(i).toFact());
        }
        return ledger.reportingClosed(closed).card(Instant.MAX);
    }

    /** Folds the facts of {@code log} from {@code from} up to {@code to} that were recorded by {@code knownAt}; returns {@code to}. */
    private static int foldRecordedBy(UnitLedger ledger, List<FactEntry> log, int from, int to, Instant knownAt) {
        for (int i = from; i < to; i++) {
            FactEntry e = log.get(i);
            if (!e.recordedAt().isAfter(knownAt)) {
                ledger.record(e.toFact());
            }
        }
        return to;
    }

    /** Whether {@code log} holds what {@code f} folded, at the same places. */
    private static boolean continues(Folded f, List<FactEntry> log) {
        return f.folded <= log.size() && (f.folded == 0 || log.get(f.folded - 1).eventId().equals(f.lastEventId));
    }

    private static void foldTo(Folded f, List<FactEntry> log) {
        for (int i = f.folded; i < log.size(); i++) {
            FactEntry e = log.get(i);
            f.live.record(e.toFact());
            f.folded = i + 1;
            f.lastEventId = e.eventId();
            if (e.recordedAt().isAfter(f.latest)) {
                f.latest = e.recordedAt();
            }
            if (e.recordedAt().isBefore(f.earliestSinceLast)) {
                f.earliestSinceLast = e.recordedAt();
            }
            if (f.folded % SPACING == 0) {
                f.checkpoints.add(new Checkpoint(f.folded, f.latest, f.earliestSinceLast, f.live.copy()));
                f.earliestSinceLast = Instant.MAX;
            }
        }
    }

    private synchronized void remember(Key key, long weight) {
        if (!recent.containsKey(key)) {
            return; // dropped meanwhile
        }
        Long old = weights.put(key, weight);
        held += weight - (old == null ? 0 : old);
        var it = recent.entrySet().iterator();
        while (held > maxWeight && it.hasNext()) {
            Map.Entry<Key, Folded> eldest = it.next();
            if (eldest.getKey().equals(key)) {
                continue;
            }
            Long w = weights.remove(eldest.getKey());
            held -= w == null ? 0 : w;
            it.remove();
        }
    }

    /** How many ledgers are held now. */
    synchronized int size() {
        return recent.size();
    }

    /** Forgets everything (a reset of the read model). */
    synchronized void clear() {
        recent.clear();
        weights.clear();
        held = 0;
    }
}
