package cn.duban.query.assessment;

import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.scoring.Scoring;
import cn.duban.kernel.scoring.UnitProfile;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Totals from the checkpoints kept along a log are the fold from nothing over the same facts: of a
 * prefix up to a position (a round's baseline) and of the facts recorded by an instant (a ranking
 * then), with records found untrue anywhere in the log; an answer reads only a stretch of the log.
 */
class TotalsCheckpointsTest {
    static final SchemeDocument SCHEME = FoldedLedgersTest.SCHEME;
    static final UnitProfile XINQI = FoldedLedgersTest.XINQI;
    static final Instant T0 = FoldedLedgersTest.T0;

    final Random random = new Random(17);

    /** The log as stored, counting the entries each read hands out. */
    static final class StoredLog implements TotalsCheckpoints.Log {
        final List<FactEntry> entries = new ArrayList<>();
        long read;
        final List<Integer> expected = new ArrayList<>();

        @Override
        public void expect(int entries) {
            expected.add(entries);
        }

        @Override
        public void forEachBetween(int from, int to, Consumer<FactEntry> entry) {
            for (int i = Math.max(0, from); i < Math.min(to, entries.size()); i++) {
                read++;
                entry.accept(entries.get(i));
            }
        }
    }

    /**
     * {@code n} more facts at positions two apart; recording instants mostly rise but now and then
     * step back, as concurrent writers' do. With {@code untrue}, about one fact in a hundred finds
     * an earlier record untrue: a training, an information report, a figure or nothing counted yet.
     */
    void grow(StoredLog log, int n, boolean untrue) {
        grow(log, n, untrue, "e");
    }

    void grow(StoredLog log, int n, boolean untrue, String ids) {
        for (int k = 0; k < n; k++) {
            int i = log.entries.size();
            String id = ids + i;
            Fact fact;
            if (untrue && i > 10 && random.nextInt(100) == 0) {
                Instant at = T0.plusSeconds(60L * i);
                int j = random.nextInt(i);
                fact = switch (random.nextInt(4)) {
                    case 0 -> new Fact.Disqualification(id, at, SampleKind.TRAINING, "t" + j, "不实");
                    case 1 -> new Fact.Disqualification(id, at, SampleKind.INFO_REPORT, "r" + j, "不实");
                    case 2 -> new Fact.Disqualification(id, at, SampleKind.INDICATOR_REPORT, ids + j, "不实");
                    default -> new Fact.Disqualification(id, at, SampleKind.INFO_REPORT, "never-reported-" + j, "不实");
                };
            } else {
                fact = FoldedLedgersTest.fact(random, id, i);
            }
            log.entries.add(FactEntry.of(fact, 2L * i + 1, "Test", "tester"));
        }
    }

    static ScoreQueries.Standing foldUpTo(StoredLog log, long position, boolean closed) {
        List<Fact> facts = log.entries.stream().filter(e -> e.position() <= position).map(FactEntry::toFact).toList();
        return ScoreQueries.Standing.of(Scoring.score(SCHEME, 1, XINQI, facts, Instant.MAX, closed));
    }

    static ScoreQueries.Standing foldAsOf(StoredLog log, Instant at, boolean closed) {
        return ScoreQueries.Standing.of(Scoring.score(SCHEME, 1, XINQI, log.entries.stream().map(FactEntry::toFact).toList(), at, closed));
    }

    @Test
    void aPrefixUpToAPositionEqualsAFoldFromNothingOfIt() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog log = new StoredLog();
        grow(log, 3000, false);
        List<Long> positions = new ArrayList<>(List.of(-1L, 0L, 1L, 2L, 3L, 2L * TotalsCheckpoints.SPACING - 1, 2L * TotalsCheckpoints.SPACING + 1,
                2L * TotalsCheckpoints.SPACING + 2, 5999L, 6000L, Long.MAX_VALUE));
        for (int k = 0; k < 30; k++) {
            positions.add((long) random.nextInt(6100));
        }
        for (long position : positions) {
            boolean closed = random.nextBoolean();
            assertThat(checkpoints.upTo(XINQI, SCHEME, 1, log, position, closed)).as("up to position %d", position)
                    .contains(foldUpTo(log, position, closed));
        }
    }

    @Test
    void theFactsRecordedByAnInstantEqualAFoldFromNothingOfThem() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog log = new StoredLog();
        grow(log, 3000, false);
        List<Instant> instants = new ArrayList<>(List.of(T0.minusSeconds(1), T0, T0.plusSeconds(60L * 3000), Instant.MAX));
        for (int k = 0; k < 30; k++) {
            instants.add(T0.plusSeconds(random.nextInt(60 * 3100) - 300));
        }
        for (Instant at : instants) {
            boolean closed = random.nextBoolean();
            assertThat(checkpoints.asOf(XINQI, SCHEME, 1, log, at, closed)).as("as of %s", at).contains(foldAsOf(log, at, closed));
        }
    }

    /**
     * Records found untrue, later in the log than their facts: each checkpoint is the state of its
     * prefix (told only of the findings before it), and an answer whose stretch holds a finding its
     * checkpoint was not told of is left to the caller, never answered wrong.
     */
    @Test
    void recordsFoundUntrueAnywhereInTheLogNeverGiveAWrongAnswer() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog log = new StoredLog();
        grow(log, 4000, true);
        long untrue = log.entries.stream().filter(e -> e.toFact() instanceof Fact.Disqualification).count();
        assertThat(untrue).isGreaterThan(20);
        int answered = 0;
        int asked = 0;
        for (int k = 0; k < 60; k++) {
            boolean closed = random.nextBoolean();
            long position = random.nextInt(8100);
            Optional<ScoreQueries.Standing> upTo = checkpoints.upTo(XINQI, SCHEME, 1, log, position, closed);
            upTo.ifPresent(s -> assertThat(s).as("up to position %d", position).isEqualTo(foldUpTo(log, position, closed)));
            Instant at = T0.plusSeconds(random.nextInt(60 * 4100));
            Optional<ScoreQueries.Standing> asOf = checkpoints.asOf(XINQI, SCHEME, 1, log, at, closed);
            asOf.ifPresent(s -> assertThat(s).as("as of %s", at).isEqualTo(foldAsOf(log, at, closed)));
            asked += 2;
            answered += (upTo.isPresent() ? 1 : 0) + (asOf.isPresent() ? 1 : 0);
        }
        // A stretch of 256 facts holds a finding about one time in three here, at one fact in a hundred.
        assertThat(answered).as("answered of %d", asked).isGreaterThan(asked / 4);
        assertThat(checkpoints.upTo(XINQI, SCHEME, 1, log, Long.MAX_VALUE, true)).as("the whole log")
                .contains(foldUpTo(log, Long.MAX_VALUE, true));
    }

    /**
     * A card without its evidence (the Excel export's) read from the checkpoints is the fold from
     * nothing's card but for its contributions: up to a position and as of an instant, with records
     * found untrue in the log, and the self-assessments and appeals the facts carry.
     */
    @Test
    void aCardWithoutEvidenceIsTheFoldsCardButForWhatExplainsIt() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog log = new StoredLog();
        List<String> codes = SCHEME.items().stream().map(cn.duban.kernel.scheme.SchemeItem::code).toList();
        for (int round = 0; round < 6; round++) {
            grow(log, 480, true);
            // What the unit and the assessors say of items: self-assessments, adjustments, appeals decided.
            for (int k = 0; k < 20; k++) {
                int i = log.entries.size();
                Instant at = T0.plusSeconds(60L * i);
                String code = codes.get(random.nextInt(codes.size()));
                Fact said = switch (random.nextInt(3)) {
                    case 0 -> new Fact.SelfAssessment("j" + i, at, SCHEME.id(), code, java.math.BigDecimal.valueOf(random.nextInt(4)), "自评");
                    case 1 -> new Fact.Adjustment("j" + i, at, SCHEME.id(), code, java.math.BigDecimal.valueOf(random.nextInt(5) - 3), "考核组调整");
                    default -> new Fact.Appeal("j" + i, at, "a" + i, SCHEME.id(), code, "UPHELD", java.math.BigDecimal.ONE, "申诉");
                };
                log.entries.add(FactEntry.of(said, 2L * i + 1, "Test", "tester"));
            }
        }
        List<Fact> all = log.entries.stream().map(FactEntry::toFact).toList();
        int answered = 0;
        for (int k = 0; k < 40; k++) {
            boolean closed = random.nextBoolean();
            long position = random.nextInt(6100);
            Instant cutoff = T0.plusSeconds(random.nextInt(60 * 3100));
            Optional<ScoreCard> upTo = checkpoints.upTo(XINQI, SCHEME, 1, log, position,
                    ledger -> ledger.reportingClosed(closed).cardWithoutEvidence(cutoff));
            List<Fact> prefix = log.entries.stream().filter(e -> e.position() <= position).map(FactEntry::toFact).toList();
            ScoreCard foldedUpTo = Scoring.score(SCHEME, 1, XINQI, prefix, Instant.MAX, closed);
            upTo.ifPresent(c -> assertThat(c).as("up to position %d", position).isEqualTo(new ScoreCard(foldedUpTo.unitId(),
                    foldedUpTo.schemeId(), 1, cutoff, foldedUpTo.total(), foldedUpTo.regular(), foldedUpTo.bonus(), foldedUpTo.items())
                    .withoutEvidence()));
            Instant at = T0.plusSeconds(random.nextInt(60 * 3100));
            Optional<ScoreCard> asOf = checkpoints.asOf(XINQI, SCHEME, 1, log, at, ledger -> ledger.reportingClosed(closed).cardWithoutEvidence(at));
            asOf.ifPresent(c -> assertThat(c).as("as of %s", at).isEqualTo(Scoring.score(SCHEME, 1, XINQI, all, at, closed).withoutEvidence()));
            answered += (upTo.isPresent() ? 1 : 0) + (asOf.isPresent() ? 1 : 0);
        }
        assertThat(answered).as("answered of 80").isGreaterThan(20);
        ScoreCard whole = checkpoints.asOf(XINQI, SCHEME, 1, log, Instant.MAX, ledger -> ledger.cardWithoutEvidence(Instant.MAX)).orElseThrow();
        assertThat(whole.items()).as("items scored").isNotEmpty().allSatisfy(i -> assertThat(i.contributions()).isEmpty());
        assertThat(whole.items().stream().filter(i -> i.selfScore() != null)).as("self-assessed items").isNotEmpty();
        assertThat(whole.items().stream().filter(i -> !i.appeals().isEmpty())).as("appealed items").isNotEmpty();
    }

    /** Once the chain is folded, an answer reads one stretch of the log, and a grown log only what was added. */
    @Test
    void anAnswerReadsOneStretchAndAGrownLogOnlyWhatWasAdded() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog log = new StoredLog();
        grow(log, 5000, false);
        checkpoints.upTo(XINQI, SCHEME, 1, log, Long.MAX_VALUE, true);
        assertThat(log.read).as("the first answer folds the log once").isEqualTo(5000);
        for (int k = 0; k < 10; k++) {
            long position = random.nextInt(9000);
            log.read = 0;
            assertThat(checkpoints.upTo(XINQI, SCHEME, 1, log, position, true)).contains(foldUpTo(log, position, true));
            assertThat(log.read).as("read for position %d", position).isLessThanOrEqualTo(TotalsCheckpoints.SPACING);
        }
        grow(log, 300, false);
        log.read = 0;
        Instant end = T0.plusSeconds(60L * 5300);
        assertThat(checkpoints.asOf(XINQI, SCHEME, 1, log, end, true)).contains(foldAsOf(log, end, true));
        assertThat(log.read).as("the facts added, and the last one folded before them").isEqualTo(301);
    }

    /** A log that does not continue what was folded (a rebuild, written with other ids) is folded again from its start. */
    @Test
    void aLogThatIsNotAContinuationIsFoldedAgain() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog log = new StoredLog();
        grow(log, 1000, false);
        checkpoints.upTo(XINQI, SCHEME, 1, log, Long.MAX_VALUE, true);
        StoredLog rebuilt = new StoredLog();
        grow(rebuilt, 1200, false, "rebuilt-");
        assertThat(checkpoints.upTo(XINQI, SCHEME, 1, rebuilt, Long.MAX_VALUE, false)).contains(foldUpTo(rebuilt, Long.MAX_VALUE, false));
        assertThat(checkpoints.upTo(XINQI, SCHEME, 1, rebuilt, 999, true)).contains(foldUpTo(rebuilt, 999, true));
    }

    /** Past the bound the least recently read chains are dropped, and answers are still right. */
    @Test
    void pastTheBoundTheLeastRecentlyReadAreDroppedAndStillAnswerRight() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(20);
        StoredLog log = new StoredLog();
        grow(log, 2000, false);
        for (int unit = 0; unit < 5; unit++) {
            UnitProfile profile = new UnitProfile("unit-" + unit, UnitType.STREET);
            checkpoints.upTo(profile, SCHEME, 1, log, Long.MAX_VALUE, true);
        }
        assertThat(checkpoints.size()).as("chains of 8 checkpoints each, 20 held").isLessThanOrEqualTo(2);
        assertThat(checkpoints.upTo(XINQI, SCHEME, 1, log, 1234, true)).contains(foldUpTo(log, 1234, true));
    }

    /**
     * A log is told it was never folded only before its first read, even when it holds no facts:
     * the store is then asked for its length (ScoreQueries), which must not happen at every answer.
     */
    @Test
    void aLogIsToldItsLengthWhenLastFoldedAndUnknownOnlyTheFirstTime() {
        TotalsCheckpoints checkpoints = new TotalsCheckpoints(1_000);
        StoredLog empty = new StoredLog();
        UnitProfile quiet = new UnitProfile("quiet", UnitType.STREET);
        checkpoints.upTo(quiet, SCHEME, 1, empty, Long.MAX_VALUE, true);
        checkpoints.asOf(quiet, SCHEME, 1, empty, T0, true);
        checkpoints.upTo(quiet, SCHEME, 1, empty, 10, true);
        assertThat(empty.expected).containsExactly(TotalsCheckpoints.UNKNOWN, 0, 0);

        StoredLog log = new StoredLog();
        grow(log, 600, false);
        checkpoints.upTo(XINQI, SCHEME, 1, log, 100, true);
        grow(log, 10, false);
        checkpoints.asOf(XINQI, SCHEME, 1, log, T0, true);
        checkpoints.asOf(XINQI, SCHEME, 1, log, T0, true);
        assertThat(log.expected).containsExactly(TotalsCheckpoints.UNKNOWN, 600, 610);
    }
}
