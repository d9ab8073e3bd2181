package cn.duban.query.assessment;

import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.beilun.Beilun2023;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.scoring.Scoring;
import cn.duban.kernel.scoring.UnitProfile;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers from folded ledgers and their checkpoints are the fold from nothing over the same facts. */
class FoldedLedgersTest {
    static final SchemeDocument SCHEME = Beilun2023.scheme();
    static final UnitProfile XINQI = new UnitProfile("xinqi", UnitType.STREET);
    static final Instant T0 = Instant.parse("2023-02-01T00:00:00Z");
    static final String[] INDICATORS = {"registration_rate", "rental_registration_rate", "accuracy_rate", "crime_rate"};

    final Random random = new Random(11);

    /** A log of {@code n} facts; recording instants mostly rise but now and then step back a little, as concurrent writers' do. */
    List<FactEntry> log(int n, String prefix) {
        List<FactEntry> log = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            log.add(FactEntry.of(fact(random, prefix + i, i), i, "Test", "tester"));
        }
        return log;
    }

    /**
     * The {@code i}th fact of a test log, with this id: a training, an accepted report, a figure or a
     * publication, recorded a minute after the one before, now and then a little earlier.
     */
    static Fact fact(Random random, String id, int i) {
        Instant at = T0.plusSeconds(60L * i - (random.nextInt(10) == 0 ? 150 : 0));
        LocalDate on = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
        return switch (random.nextInt(4)) {
            case 0 -> new Fact.Occurrence(id, at, FactKind.TRAINING, random.nextBoolean() ? "BUSINESS" : "SKILLS", on,
                    Map.of("attendees", BigDecimal.valueOf(10 + random.nextInt(50))), "t" + i);
            case 1 -> new Fact.Occurrence(id, at, FactKind.INFO_ACCEPTED, random.nextBoolean() ? "CITY" : "DISTRICT", on, Map.of(), "r" + i);
            case 2 -> new Fact.IndicatorValue(id, at, INDICATORS[random.nextInt(INDICATORS.length)], 2022 + random.nextInt(2),
                    BigDecimal.valueOf(70 + random.nextInt(30)));
            default -> new Fact.Occurrence(id, at, FactKind.MEDIA_PUBLICATION, "CITY", on, Map.of(), null);
        };
    }

    static ScoreCard fold(List<FactEntry> log, Instant at, boolean closed) {
        return Scoring.score(SCHEME, 1, XINQI, log.stream().map(FactEntry::toFact).toList(), at, closed);
    }

    @Test
    void currentAndEarlierAnswersEqualAFoldFromNothing() {
        FoldedLedgers ledgers = new FoldedLedgers(1_000_000);
        List<FactEntry> log = log(5000, "e");
        Instant end = T0.plusSeconds(60L * 5000);
        assertThat(ledgers.card(XINQI, SCHEME, 1, log, end, true)).isEqualTo(fold(log, end, true));
        for (int k = 0; k < 40; k++) {
            Instant at = T0.plusSeconds(random.nextInt(60 * 5100) - 300);
            boolean closed = random.nextBoolean();
            assertThat(ledgers.card(XINQI, SCHEME, 1, log, at, closed)).as("as of %s", at).isEqualTo(fold(log, at, closed));
        }
    }

    /** An inspection round's baseline: the first facts of the log, each counted whenever recorded, from the nearest checkpoint. */
    @Test
    void aPrefixOfTheLogEqualsAFoldFromNothingOfIt() {
        FoldedLedgers ledgers = new FoldedLedgers(1_000_000);
        List<FactEntry> log = log(3000, "e");
        List<Integer> counts = new ArrayList<>(List.of(0, 1, FoldedLedgers.SPACING - 1, FoldedLedgers.SPACING, FoldedLedgers.SPACING + 1, 3000));
        for (int k = 0; k < 20; k++) {
            counts.add(random.nextInt(3001));
        }
        for (int count : counts) {
            boolean closed = random.nextBoolean();
            assertThat(ledgers.prefixCard(XINQI, SCHEME, 1, log, count, closed)).as("the first %d facts", count)
                    .isEqualTo(fold(log.subList(0, count), Instant.MAX, closed));
        }
        // Asked after current answers, which fold the ledger to the end of the log and take checkpoints on the way.
        Instant end = T0.plusSeconds(60L * 3001);
        ledgers.card(XINQI, SCHEME, 1, log, end, false);
        assertThat(ledgers.prefixCard(XINQI, SCHEME, 1, log, 1000, false)).isEqualTo(fold(log.subList(0, 1000), Instant.MAX, false));
    }

    @Test
    void aGrowingLogIsFoldedOnFromWhereItWas() {
        FoldedLedgers ledgers = new FoldedLedgers(1_000_000);
        List<FactEntry> log = log(3000, "e");
        for (int size = 100; size <= 3000; size += 700) {
            List<FactEntry> prefix = log.subList(0, size);
            Instant now = T0.plusSeconds(60L * 3001);
            assertThat(ledgers.card(XINQI, SCHEME, 1, prefix, now, false)).isEqualTo(fold(prefix, now, false));
        }
    }

    /**
     * Facts that reach the log long after their recording instant (a writer that stalled) sit among
     * facts recorded hours later, across several checkpoints: an earlier answer still counts them.
     */
    @Test
    void factsRecordedLongBeforeTheirNeighboursAreCountedAsOfTheirInstant() {
        List<FactEntry> log = new ArrayList<>();
        for (FactEntry e : log(6000, "e")) {
            int i = log.size();
            if (i % 700 == 699) {
                Fact late = new Fact.Occurrence("late" + i, T0.plusSeconds(60L * (i - 1500)), FactKind.TRAINING, "BUSINESS",
                        LocalDate.of(2023, 5, 1), Map.of("attendees", BigDecimal.TEN), "late" + i);
                log.add(FactEntry.of(late, i, "Test", "tester"));
            } else {
                log.add(e);
            }
        }
        FoldedLedgers ledgers = new FoldedLedgers(1_000_000);
        Instant end = T0.plusSeconds(60L * 6000);
        assertThat(ledgers.card(XINQI, SCHEME, 1, log, end, true)).isEqualTo(fold(log, end, true));
        for (int k = 0; k < 60; k++) {
            Instant at = T0.plusSeconds(60L * random.nextInt(6000) + 30);
            assertThat(ledgers.card(XINQI, SCHEME, 1, log, at, true)).as("as of %s", at).isEqualTo(fold(log, at, true));
        }
    }

    @Test
    void aLogThatIsNotAContinuationIsFoldedAgain() {
        FoldedLedgers ledgers = new FoldedLedgers(1_000_000);
        Instant now = T0.plusSeconds(60L * 4000);
        List<FactEntry> first = log(2000, "a");
        ledgers.card(XINQI, SCHEME, 1, first, now, true);
        List<FactEntry> rebuilt = log(2500, "b");
        assertThat(ledgers.card(XINQI, SCHEME, 1, rebuilt, now, true)).isEqualTo(fold(rebuilt, now, true));
        List<FactEntry> shorter = rebuilt.subList(0, 900);
        assertThat(ledgers.card(XINQI, SCHEME, 1, shorter, now, true)).isEqualTo(fold(shorter, now, true));
    }

    @Test
    void pastItsWeightTheLeastRecentlyReadAreDroppedAndStillAnswerRight() {
        FoldedLedgers ledgers = new FoldedLedgers(3000);
        Instant now = T0.plusSeconds(60L * 3000);
        List<UnitProfile> units = List.of(XINQI, new UnitProfile("dajie", UnitType.STREET), new UnitProfile("xiapu", UnitType.STREET));
        List<List<FactEntry>> logs = List.of(log(2000, "x"), log(2000, "d"), log(2000, "p"));
        for (int round = 0; round < 2; round++) {
            for (int u = 0; u < units.size(); u++) {
                assertThat(ledgers.card(units.get(u), SCHEME, 1, logs.get(u), now, true)).isEqualTo(
                        Scoring.score(SCHEME, 1, units.get(u), logs.get(u).stream().map(FactEntry::toFact).toList(), now, true));
            }
            assertThat(ledgers.size()).as("ledgers held within the weight").isLessThan(units.size());
        }
    }
}
