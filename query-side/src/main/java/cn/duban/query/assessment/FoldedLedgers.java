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
 * rebuild) is folded again from the start. Bounded by weight, the facts held in ledgers and
 * checkpoints together; past it the least recently read are dropped.
 */
final class FoldedLedgers {
    /** Checkpoints kept per ledger at most: an {@code asOf} answer folds at most about 1/{@value} of a unit's facts. */
    static final int MAX_CHECKPOINTS = 16;
    static final int FIRST_SPACING = 256;

    record Key(String unitId, String schemeId, int version) {
    }

    private record Checkpoint(int folded, Instant latest, UnitLedger ledger) {
    }

    private static final class Folded {
        UnitLedger live;
        /** How many facts of the log are in {@link #live}, the id of the last of them, and the latest instant recorded among them. */
        int folded;
        String lastEventId;
        Instant latest = Instant.MIN;
        /** Immutable once taken: each is copied before anything more is folded into it. */
        final List<Checkpoint> checkpoints = new ArrayList<>();
        int spacing = FIRST_SPACING;
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
            checkpoints.clear();
            spacing = FIRST_SPACING;
            card = null;
            cardFolded = -1;
        }

        long weight() {
            long w = folded;
            for (Checkpoint c : checkpoints) {
                w += c.folded();
            }
            return w;
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
        Checkpoint from;
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
            from = null;
            for (Checkpoint c : f.checkpoints) {
                if (!c.latest().isAfter(knownAt)) {
                    from = c;
                }
            }
        }
        // A private copy, folded outside the lock: checkpoints are never changed once taken.
        UnitLedger ledger = from == null ? new UnitLedger(scheme, version, unit) : from.ledger().copy();
        for (int i = from == null ? 0 : from.folded(); i < log.size(); i++) {
            FactEntry e = log.get(i);
            if (!e.recordedAt().isAfter(knownAt)) {
                ledger.record(e.toFact());
            }
        }
        return ledger.reportingClosed(closed).card(knownAt);
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
            if (f.folded % f.spacing == 0) {
                f.checkpoints.add(new Checkpoint(f.folded, f.latest, f.live.copy()));
                if (f.checkpoints.size() > MAX_CHECKPOINTS) {
                    // Twice as far apart from here on: every other checkpoint goes, the count stays bounded.
                    List<Checkpoint> kept = new ArrayList<>();
                    for (int k = 1; k < f.checkpoints.size(); k += 2) {
                        kept.add(f.checkpoints.get(k));
                    }
                    f.checkpoints.clear();
                    f.checkpoints.addAll(kept);
                    f.spacing *= 2;
                }
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
