package cn.duban.kernel.scoring;

import cn.duban.kernel.supervision.SampleKind;
import cn.duban.kernel.scheme.AppliesTo;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Points;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.reporting.TrainingKind;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringTest {
    static final UnitProfile XINQI = new UnitProfile("xinqi", UnitType.STREET);
    static final UnitProfile POLICE = new UnitProfile("police", UnitType.DEPARTMENT);
    static final Instant T0 = Instant.parse("2023-03-01T00:00:00Z");
    static final Instant END = Instant.parse("2024-06-01T00:00:00Z");

    final List<Fact> facts = new ArrayList<>();
    int seq;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Rule rule(RuleKind kind) {
        return new Rule(kind, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static Rule quota(FactKind fact, int required, String perMissing) {
        return new Rule(RuleKind.QUOTA, fact, required, d(perMissing), null, null, null, null, null, null, null, null, null, null);
    }

    static Rule done(FactKind fact, String deduct) {
        return new Rule(RuleKind.DONE, fact, null, null, d(deduct), null, null, null, null, null, null, null, null, null);
    }

    static Rule countTarget(FactKind fact, String measure, String target, String deduct) {
        return new Rule(RuleKind.COUNT_TARGET, fact, null, null, d(deduct), measure, d(target), null, null, null, null, null, null, null);
    }

    static Rule perItem(FactKind fact, Points points) {
        return new Rule(RuleKind.PER_ITEM, fact, null, null, null, null, null, points, null, null, null, null, null, null);
    }

    static Rule tiered(FactKind fact, Map<String, BigDecimal> points) {
        return new Rule(RuleKind.TIERED_BONUS, fact, null, null, null, null, null, Points.perLevel(points), null, null, null, null, null, null);
    }

    static Rule threshold(String indicator, String min, String max, String deduct) {
        return new Rule(RuleKind.THRESHOLD, null, null, null, d(deduct), null, null, null, indicator,
                min == null ? null : d(min), max == null ? null : d(max), null, null, null);
    }

    static Rule perPoint(String indicator, String min, String perPoint) {
        return new Rule(RuleKind.PER_POINT, null, null, null, null, null, null, null, indicator, d(min), null, d(perPoint), null, null);
    }

    static Rule vsPrevious(String indicator, String perPoint, Rule.Better better) {
        return new Rule(RuleKind.VS_PREVIOUS_YEAR, null, null, null, null, null, null, null, indicator, null, null, d(perPoint), null, better);
    }

    static Rule perFailure(String perFailure) {
        return new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, d(perFailure), null);
    }

    static SchemeItem item(String code, String max, Base base, Rule... rules) {
        return new SchemeItem(code, "基础工作", "item " + code, max == null ? null : d(max), base, null,
                new AppliesTo(UnitType.STREET, null, null), List.of(rules), null);
    }

    static SchemeItem bonus(String code, String max, Rule... rules) {
        return new SchemeItem(code, "创新工作", "bonus " + code, max == null ? null : d(max), null, true,
                new AppliesTo(UnitType.STREET, null, null), List.of(rules), null);
    }

    static final SchemeDocument BEILUN = cn.duban.kernel.scheme.beilun.Beilun2023.scheme();

    /** One item of the built-in Beilun 2023 scheme on its own, as if it applied to the sub-district scored here. */
    static SchemeDocument only(String code) {
        return new SchemeDocument(BEILUN.id(), BEILUN.year(), BEILUN.title(), BEILUN.supervisionWeight(),
                BEILUN.items().stream().filter(i -> i.code().equals(code))
                        .map(i -> new SchemeItem(i.code(), i.category(), i.title(), i.max(), i.base(), i.bonus(),
                                new AppliesTo(UnitType.STREET, null, null), i.rules(), i.standard())).toList());
    }

    static SchemeDocument scheme(SchemeItem... items) {
        return new SchemeDocument("beilun-2023", 2023, "北仑区2023年度考核", d("0.3"), List.of(items));
    }

    Instant next() {
        return T0.plusSeconds(60L * ++seq);
    }

    String occur(FactKind kind, String level, LocalDate on, Map<String, BigDecimal> q) {
        String id = "e" + facts.size();
        facts.add(new Fact.Occurrence(id, next(), kind, level, on, q, "s" + facts.size()));
        return id;
    }

    String occur(FactKind kind, LocalDate on) {
        return occur(kind, null, on, Map.of());
    }

    String indicator(String name, int year, String value) {
        String id = "e" + facts.size();
        facts.add(new Fact.IndicatorValue(id, next(), name, year, d(value)));
        return id;
    }

    ScoreCard score(SchemeDocument s) {
        return Scoring.score(s, 1, XINQI, facts, END);
    }

    static ItemScore item(ScoreCard card, String code) {
        return card.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    static final LocalDate IN_YEAR = LocalDate.of(2023, 3, 10);

    /**
     * Deductions as seed 001 writes them, each item of the built-in scheme on its own: "未开展的扣N分"
     * deducts once however many failures the assessor records, "每项…扣N分" per condition missed,
     * up to the conditions there are.
     */
    @Nested
    class DeductionsAsWritten {
        final SchemeDocument beilun = BEILUN;


        void failures(String code, int n) {
            for (int k = 0; k < n; k++) {
                facts.add(new Fact.Failure("f" + facts.size(), next(), beilun.id(), code, "未落实情形" + k, IN_YEAR));
            }
        }

        BigDecimal perFailurePoints(String code) {
            return item(score(only(code)), code).contributions().stream().filter(c -> c.source().equals("PER_FAILURE"))
                    .map(Contribution::points).findFirst().orElseThrow();
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {2}")
        @org.junit.jupiter.params.provider.CsvSource({
                "S1.2, 2, 未落实的扣2分",
                "S3.3, 3, 未开展的扣3分",
                "fgj.1, 5, 未开展的扣5分",
                "fgj.3, 10, 未开展扣10分",
                "jxj.1, 10, 未开展的扣10分",
                "jxj.2, 10, 未开展扣10分",
                "wjj.2, 10, 未开展的扣10分",
                "S2.2, 5, 会员在微志愿上信息齐全。未达标的每项扣5分",
                "rsj.2, 5, 未开展的扣5分"})
        void notDoneDeductsOnceWhateverTheFailuresRecorded(String code, String once, String words) {
            assertThat(beilun.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().standard()).contains(words);
            assertThat(perFailurePoints(code)).isEqualByComparingTo("0");
            failures(code, 1);
            assertThat(perFailurePoints(code)).isEqualByComparingTo("-" + once);
            failures(code, 2);
            assertThat(perFailurePoints(code)).as("three failures recorded, deducted once").isEqualByComparingTo("-" + once);
        }

        @Test
        void s25DeductsFourForEachOfItsTwoUnmeasuredConditionsAndNoMore() {
            assertThat(beilun.items().stream().filter(i -> i.code().equals("S2.5")).findFirst().orElseThrow().standard())
                    .contains("加强流动人口高危人员的动态管控", "以人管人", "未达到的每项扣4分");
            failures("S2.5", 1);
            assertThat(perFailurePoints("S2.5")).isEqualByComparingTo("-4");
            failures("S2.5", 1);
            assertThat(perFailurePoints("S2.5")).isEqualByComparingTo("-8");
            failures("S2.5", 1);
            assertThat(perFailurePoints("S2.5")).as("two conditions: at most 8").isEqualByComparingTo("-8");
            assertThat(item(score(only("S2.5")), "S2.5").contributions()).filteredOn(c -> c.source().equals("PER_FAILURE"))
                    .singleElement().satisfies(c -> assertThat(c.reason()).contains("以8分为限"));
        }

        /** S2.1: "合法合规的出租房屋供应量少于上一年度的扣3分" — a count this year against last year's, 3 points once. */
        @Test
        void s21ComparesThisYearsRentalSupplyWithLastYearsAndDeductsThreeWhenItFell() {
            assertThat(beilun.items().stream().filter(i -> i.code().equals("S2.1")).findFirst().orElseThrow().standard())
                    .contains("合法合规的出租房屋供应量少于上一年度的扣3分");
            indicator("rental_supply", 2022, "1200");
            String now = indicator("rental_supply", 2023, "1250");
            assertThat(item(score(only("S2.1")), "S2.1").score()).as("grew: nothing deducted").isEqualByComparingTo("6");
            indicator("rental_supply", 2023, "1199");
            ItemScore fell = item(score(only("S2.1")), "S2.1");
            assertThat(fell.score()).as("fell by 1 home or by 500: 3 points, once").isEqualByComparingTo("3");
            assertThat(fell.contributions().get(0).reason()).contains("合法合规出租房屋供应量", "本年 1199", "上年 1200");
            assertThat(fell.contributions().get(0).evidence()).doesNotContain(now);
            indicator("rental_supply", 2023, "700");
            assertThat(item(score(only("S2.1")), "S2.1").score()).isEqualByComparingTo("3");
        }

        @Test
        void s11StillDeductsPerQuarterMissedAsItsStandardSays() {
            assertThat(beilun.items().stream().filter(i -> i.code().equals("S1.1")).findFirst().orElseThrow().standard()).contains("未落实的每次扣1分");
            failures("S1.1", 3);
            assertThat(perFailurePoints("S1.1")).isEqualByComparingTo("-3");
        }
    }

    /**
     * Seed 001 counts trainings by kind: S1.4 and gafj.1 业务培训, rsj.3 职业技能培训. The built-in
     * scheme's rules name those kinds, so a 宣传教育 session meets no 业务培训 quota.
     */
    @Nested
    class TrainingKinds {
        final SchemeDocument beilun = BEILUN;

        String training(TrainingKind kind, int attendees) {
            var event = new TrainingRecorded("t" + facts.size(), "xinqi", IN_YEAR, "培训", attendees, BigDecimal.ONE, kind, null, List.of());
            Fact fact = event.fact("e" + facts.size(), next()).orElseThrow();
            facts.add(fact);
            return ((Fact.Occurrence) fact).eventId();
        }

        @Test
        void s14CountsBusinessTrainingsOnlyAPublicitySessionMeetsNoQuota() {
            training(TrainingKind.PUBLICITY, 200);
            training(TrainingKind.PUBLICITY, 150);
            assertThat(item(score(only("S1.4")), "S1.4").score()).as("2 宣传教育, 0 业务培训: 2 missing at 2 of 6").isEqualByComparingTo("2");
            String first = training(TrainingKind.BUSINESS, 30);
            String second = training(TrainingKind.BUSINESS, 25);
            ItemScore met = item(score(only("S1.4")), "S1.4");
            assertThat(met.score()).isEqualByComparingTo("6");
            assertThat(met.contributions()).singleElement().satisfies(c -> assertThat(c.evidence()).containsExactly(first, second));
        }

        @Test
        void gafj1DeductsFiveWhenNoBusinessTrainingWasHeld() {
            training(TrainingKind.SKILLS, 500);
            assertThat(item(score(only("gafj.1")), "gafj.1").contributions()).anySatisfy(c ->
                    assertThat(c.points()).isEqualByComparingTo("-5"));
            training(TrainingKind.BUSINESS, 40);
            assertThat(item(score(only("gafj.1")), "gafj.1").contributions()).noneSatisfy(c ->
                    assertThat(c.points()).isEqualByComparingTo("-5"));
        }

        @Test
        void rsj3CountsTheAttendeesOfSkillsTrainingsOnly() {
            training(TrainingKind.BUSINESS, 20_000);
            assertThat(item(score(only("rsj.3")), "rsj.3").contributions()).anySatisfy(c ->
                    assertThat(c.points()).isEqualByComparingTo("-10"));
            training(TrainingKind.SKILLS, 6_000);
            training(TrainingKind.SKILLS, 4_000);
            assertThat(item(score(only("rsj.3")), "rsj.3").contributions()).noneSatisfy(c ->
                    assertThat(c.points()).isEqualByComparingTo("-10"));
        }

        @Test
        void aTrainingStoredBeforeKindsExistedCountsAsTheBusinessTrainingItWasRecordedAs() {
            var legacy = new TrainingRecorded("old", "xinqi", IN_YEAR, "培训", 10, BigDecimal.ONE, null, null, null);
            facts.add(legacy.fact("e-old", next()).orElseThrow());
            assertThat(item(score(only("S1.4")), "S1.4").score()).as("one of two").isEqualByComparingTo("4");
        }
    }

    @Nested
    class Quota {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));

        @Test
        void deductsPerMissingOccurrence() {
            String first = occur(FactKind.TRAINING, IN_YEAR);
            ItemScore i = item(score(s), "S1.4");
            assertThat(i.score()).isEqualByComparingTo("4");
            assertThat(i.contributions()).singleElement().satisfies(c -> {
                assertThat(c.points()).isEqualByComparingTo("-2");
                assertThat(c.evidence()).containsExactly(first);
            });
        }

        @Test
        void metQuotaKeepsFullMarks() {
            occur(FactKind.TRAINING, IN_YEAR);
            occur(FactKind.TRAINING, IN_YEAR);
            occur(FactKind.TRAINING, IN_YEAR);
            assertThat(item(score(s), "S1.4").score()).isEqualByComparingTo("6");
        }

        @Test
        void factsOutsideTheSchemeYearDoNotCount() {
            occur(FactKind.TRAINING, LocalDate.of(2022, 12, 31));
            occur(FactKind.TRAINING, LocalDate.of(2024, 1, 1));
            occur(FactKind.TRAINING, LocalDate.of(2023, 1, 1));
            occur(FactKind.TRAINING, LocalDate.of(2023, 12, 31));
            assertThat(item(score(s), "S1.4").score()).isEqualByComparingTo("6");
            facts.remove(3);
            assertThat(item(score(s), "S1.4").score()).isEqualByComparingTo("4");
        }

        @Test
        void floorsAtZeroAndExplainsTheClamp() {
            SchemeDocument harsh = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 5, "2")));
            ItemScore i = item(score(harsh), "S1.4");
            assertThat(i.score()).isEqualByComparingTo("0");
            BigDecimal sum = i.base();
            for (Contribution c : i.contributions()) {
                sum = sum.add(c.points());
            }
            assertThat(sum).isEqualByComparingTo(i.score());
            assertThat(i.contributions()).extracting(Contribution::source).containsExactly("QUOTA", "CLAMP");
        }
    }

    @Test
    void doneDeductsOnlyWhenNothingHappened() {
        SchemeDocument s = scheme(item("M1", "8", Base.FULL, done(FactKind.CAMPAIGN_LAUNCHED, "2")));
        assertThat(item(score(s), "M1").score()).isEqualByComparingTo("6");
        occur(FactKind.CAMPAIGN_LAUNCHED, "GROUP_RENTAL", IN_YEAR, Map.of());
        assertThat(item(score(s), "M1").score()).isEqualByComparingTo("8");
    }

    @Test
    void countTargetSumsTheMeasure() {
        SchemeDocument s = scheme(item("M2", "10", Base.FULL, countTarget(FactKind.CAMPAIGN_PROGRESS, "shops_closed", "100", "10")));
        occur(FactKind.CAMPAIGN_PROGRESS, "SHOPS", IN_YEAR, Map.of("shops_closed", d("60")));
        occur(FactKind.CAMPAIGN_PROGRESS, "SHOPS", IN_YEAR, Map.of("communities_rectified", d("80")));
        assertThat(item(score(s), "M2").score()).isEqualByComparingTo("0");
        String last = occur(FactKind.CAMPAIGN_PROGRESS, "SHOPS", IN_YEAR, Map.of("shops_closed", d("40")));
        ItemScore i = item(score(s), "M2");
        assertThat(i.score()).isEqualByComparingTo("10");
        assertThat(i.contributions().get(0).evidence()).containsExactly("e0", last);
    }

    @Test
    void countTargetWithoutMeasureCountsFacts() {
        SchemeDocument s = scheme(item("M3", "10", Base.FULL, countTarget(FactKind.TRAINING, null, "2", "10")));
        occur(FactKind.TRAINING, IN_YEAR);
        assertThat(item(score(s), "M3").score()).isEqualByComparingTo("0");
        occur(FactKind.TRAINING, IN_YEAR);
        assertThat(item(score(s), "M3").score()).isEqualByComparingTo("10");
    }

    @Nested
    class PerItem {
        SchemeDocument s = scheme(item("S1.3", "10", Base.ZERO,
                perItem(FactKind.INFO_ACCEPTED, Points.perLevel(Map.of("GENERAL", d("0.5"), "TYPICAL", d("1"))))));

        @Test
        void earnsPerAcceptedReportByLevel() {
            occur(FactKind.INFO_ACCEPTED, "GENERAL", IN_YEAR, Map.of());
            occur(FactKind.INFO_ACCEPTED, "TYPICAL", IN_YEAR, Map.of());
            occur(FactKind.INFO_ACCEPTED, "GENERAL", IN_YEAR, Map.of());
            assertThat(item(score(s), "S1.3").score()).isEqualByComparingTo("2");
        }

        @Test
        void rejectedAndMerelySubmittedReportsEarnNothing() {
            occur(FactKind.INFO_SUBMITTED, IN_YEAR);
            occur(FactKind.INFO_REJECTED, IN_YEAR);
            assertThat(item(score(s), "S1.3").score()).isEqualByComparingTo("0");
        }

        @Test
        void capsAtMax() {
            for (int i = 0; i < 12; i++) {
                occur(FactKind.INFO_ACCEPTED, "TYPICAL", IN_YEAR, Map.of());
            }
            ItemScore i = item(score(s), "S1.3");
            assertThat(i.score()).isEqualByComparingTo("10");
            assertThat(i.contributions()).extracting(Contribution::points).map(BigDecimal::toPlainString).containsExactly("12", "-2");
        }

        @Test
        void flatPointsForEveryLevel() {
            SchemeDocument flat = scheme(item("D1", "10", Base.ZERO, perItem(FactKind.INFO_ACCEPTED, Points.flat(d("2")))));
            occur(FactKind.INFO_ACCEPTED, "GENERAL", IN_YEAR, Map.of());
            occur(FactKind.INFO_ACCEPTED, "TYPICAL", IN_YEAR, Map.of());
            assertThat(item(score(flat), "D1").score()).isEqualByComparingTo("4");
        }

        @Test
        void theSameReportAcceptedTwiceCountsOnce() {
            facts.add(new Fact.Occurrence("a1", next(), FactKind.INFO_ACCEPTED, "TYPICAL", IN_YEAR, Map.of(), "r1"));
            facts.add(new Fact.Occurrence("a2", next(), FactKind.INFO_ACCEPTED, "TYPICAL", IN_YEAR, Map.of(), "r1"));
            assertThat(item(score(s), "S1.3").score()).isEqualByComparingTo("1");
        }
    }

    /**
     * Missing data is not zero (issue 12): a scheme that names its reporting deadline shows a figure
     * not reported yet as 待补报 with nothing deducted, until the lead office closes reporting; then the
     * rule applies. A scheme without a deadline deducts at once, as before.
     */
    @Nested
    class MissingFigures {
        final SchemeDocument withDeadline = new SchemeDocument("beilun-2023", 2023, "北仑区2023年度考核", d("0.3"), List.of(
                item("M5", "7", Base.FULL, threshold("registration_rate", "95", null, "4")),
                item("G2", "10", Base.FULL, vsPrevious("crime_rate", "5", Rule.Better.LOWER))), LocalDate.of(2024, 1, 15));

        ScoreCard scored(boolean closed) {
            return Scoring.score(withDeadline, 1, XINQI, facts, END, closed);
        }

        @Test
        void aFigureNotReportedBeforeReportingClosesDeductsNothingAndSaysItIsAwaited() {
            indicator("crime_rate", 2023, "1.6");
            ScoreCard open = scored(false);
            assertThat(item(open, "M5").score()).isEqualByComparingTo("7");
            assertThat(item(open, "M5").contributions().get(0).reason()).contains("待补报");
            assertThat(item(open, "G2").score()).as("last year's figure missing: awaited, not the whole item lost").isEqualByComparingTo("10");
            assertThat(item(open, "G2").contributions().get(0).reason()).contains("缺上年数据", "待补报");

            ScoreCard closed = scored(true);
            assertThat(item(closed, "M5").score()).isEqualByComparingTo("3");
            assertThat(item(closed, "G2").score()).as("the rule: the whole item lost").isEqualByComparingTo("0");
        }

        @Test
        void aReportedFigureCountsWhetherOrNotReportingIsClosed() {
            indicator("registration_rate", 2023, "90");
            assertThat(item(scored(false), "M5").score()).isEqualByComparingTo("3");
            assertThat(item(scored(true), "M5").score()).isEqualByComparingTo("3");
        }

        @Test
        void aSchemeWithoutADeadlineDeductsAtOnceAsBefore() {
            SchemeDocument noDeadline = new SchemeDocument(withDeadline.id(), 2023, withDeadline.title(), d("0.3"), withDeadline.items());
            assertThat(item(Scoring.score(noDeadline, 1, XINQI, facts, END, false), "M5").score()).isEqualByComparingTo("3");
        }
    }

    @Nested
    class Threshold {
        SchemeDocument s = scheme(item("M5", "7", Base.FULL,
                threshold("registration_rate", "95", null, "4"), threshold("accuracy_rate", "90", null, "4")));

        @Test
        void missingIndicatorsCountAsNotMet() {
            ItemScore i = item(score(s), "M5");
            assertThat(i.score()).isEqualByComparingTo("0");
            assertThat(i.contributions()).extracting(Contribution::source).containsExactly("THRESHOLD", "THRESHOLD", "CLAMP");
        }

        @Test
        void latestValueOfTheYearCounts() {
            indicator("registration_rate", 2023, "96.5");
            indicator("accuracy_rate", 2023, "91");
            assertThat(item(score(s), "M5").score()).isEqualByComparingTo("7");
            String latest = indicator("registration_rate", 2023, "94.9");
            ItemScore i = item(score(s), "M5");
            assertThat(i.score()).isEqualByComparingTo("3");
            assertThat(i.contributions().get(0).evidence()).containsExactly(latest);
        }

        @Test
        void otherYearsValuesAreIgnored() {
            indicator("registration_rate", 2022, "99");
            indicator("accuracy_rate", 2023, "99");
            assertThat(item(score(s), "M5").score()).isEqualByComparingTo("3");
        }

        @Test
        void upperBound() {
            SchemeDocument upper = scheme(item("X", "5", Base.FULL, threshold("complaint_rate", null, "2", "5")));
            indicator("complaint_rate", 2023, "2.5");
            assertThat(item(score(upper), "X").score()).isEqualByComparingTo("0");
            indicator("complaint_rate", 2023, "1");
            assertThat(item(score(upper), "X").score()).isEqualByComparingTo("5");
        }
    }

    @Nested
    class PerPoint {
        SchemeDocument s = scheme(item("M6", "10", Base.FULL, perPoint("rental_registration_rate", "95", "2")));

        @Test
        void deductsPerPointBelow() {
            indicator("rental_registration_rate", 2023, "92.5");
            assertThat(item(score(s), "M6").score()).isEqualByComparingTo("5");
        }

        @Test
        void atOrAboveTheBoundNothing() {
            indicator("rental_registration_rate", 2023, "95");
            assertThat(item(score(s), "M6").score()).isEqualByComparingTo("10");
        }

        @Test
        void neverReportedCountsAsZeroAndFloorsAtZero() {
            assertThat(item(score(s), "M6").score()).isEqualByComparingTo("0");
        }
    }

    @Nested
    class VsPreviousYear {
        SchemeDocument s = scheme(item("D5", "10", Base.FULL, vsPrevious("crime_rate", "5", null)));

        @Test
        void deductsPerPointAboveLastYear() {
            indicator("crime_rate", 2022, "1.5");
            indicator("crime_rate", 2023, "2.5");
            assertThat(item(score(s), "D5").score()).isEqualByComparingTo("5");
        }

        @Test
        void falling_rateKeepsFullMarks() {
            indicator("crime_rate", 2022, "2.5");
            indicator("crime_rate", 2023, "1.5");
            assertThat(item(score(s), "D5").score()).isEqualByComparingTo("10");
        }

        @Test
        void eitherYearMissingLosesTheWholeItem() {
            indicator("crime_rate", 2023, "1");
            assertThat(item(score(s), "D5").score()).isEqualByComparingTo("0");
            facts.clear();
            indicator("crime_rate", 2022, "1");
            assertThat(item(score(s), "D5").score()).isEqualByComparingTo("0");
        }

        @Test
        void higherIsBetterForSupply() {
            SchemeDocument supply = scheme(item("M1", "6", Base.FULL, vsPrevious("rental_supply_index", "1", Rule.Better.HIGHER)));
            indicator("rental_supply_index", 2022, "50");
            indicator("rental_supply_index", 2023, "48");
            assertThat(item(score(supply), "M1").score()).isEqualByComparingTo("4");
        }
    }

    @Test
    void perFailureCountsTheAssessorsFailuresOnThatItemOfThatScheme() {
        SchemeDocument s = scheme(item("S1.1", "6", Base.FULL, perFailure("1")), item("S1.2", "8", Base.FULL, perFailure("2")));
        facts.add(new Fact.Failure("f1", next(), "beilun-2023", "S1.1", "Q1 无计划", IN_YEAR));
        facts.add(new Fact.Failure("f2", next(), "beilun-2023", "S1.1", "Q2 无总结", IN_YEAR));
        facts.add(new Fact.Failure("f3", next(), "other-scheme", "S1.1", "not ours", IN_YEAR));
        ScoreCard card = score(s);
        assertThat(item(card, "S1.1").score()).isEqualByComparingTo("4");
        assertThat(item(card, "S1.1").contributions().get(0).evidence()).containsExactly("f1", "f2");
        assertThat(item(card, "S1.2").score()).isEqualByComparingTo("8");
    }

    @Test
    void discretionaryKeepsFullMarksUntilAnAssessorAdjusts() {
        SchemeDocument s = scheme(item("M3", "6", Base.FULL, rule(RuleKind.DISCRETIONARY)));
        assertThat(item(score(s), "M3").score()).isEqualByComparingTo("6");
        assertThat(item(score(s), "M3").contributions()).isEmpty();
        facts.add(new Fact.Adjustment("a1", next(), "beilun-2023", "M3", d("-1.5"), "登记点不规范"));
        ItemScore i = item(score(s), "M3");
        assertThat(i.score()).isEqualByComparingTo("4.5");
        assertThat(i.contributions()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo("ADJUSTMENT");
            assertThat(c.reason()).contains("登记点不规范");
            assertThat(c.evidence()).containsExactly("a1");
        });
    }

    @Test
    void selfAssessmentIsShownBesideTheComputedAndAssessedScoreWithTheGap() {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")), item("M3", "6", Base.FULL, rule(RuleKind.DISCRETIONARY)));
        occur(FactKind.TRAINING, IN_YEAR);
        facts.add(new Fact.SelfAssessment("s1", next(), "beilun-2023", "S1.4", d("6"), "两次培训"));
        facts.add(new Fact.SelfAssessment("s2", next(), "beilun-2023", "S1.4", d("5"), "更正：一次培训"));
        facts.add(new Fact.SelfAssessment("s3", next(), "other", "M3", d("1"), "not this scheme"));
        facts.add(new Fact.Adjustment("a1", next(), "beilun-2023", "S1.4", d("-1"), "台账不全"));
        ScoreCard card = score(s);
        ItemScore training = item(card, "S1.4");
        assertThat(training.computed()).isEqualByComparingTo("4");
        assertThat(training.score()).isEqualByComparingTo("3");
        assertThat(training.selfScore()).isEqualByComparingTo("5");
        assertThat(training.selfNote()).isEqualTo("更正：一次培训");
        assertThat(training.gap()).isEqualByComparingTo("-2");
        assertThat(item(card, "M3").selfScore()).isNull();
        assertThat(item(card, "M3").gap()).isNull();
        // A self score never moves the total.
        assertThat(card.total()).isEqualByComparingTo("9");
    }

    @Test
    void anAppealShowsOnItsItemAndAnUpheldOneCorrectsIt() {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));
        facts.add(new Fact.Appeal("p1", next(), "ap1", "beilun-2023", "S1.4", "FILED", null, "第二次培训已开展，台账附后"));
        ItemScore filed = item(score(s), "S1.4");
        assertThat(filed.score()).isEqualByComparingTo("2");
        assertThat(filed.appeals()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("FILED"));
        facts.add(new Fact.Appeal("p2", next(), "ap1", "beilun-2023", "S1.4", "UPHELD", d("2"), "核实属实"));
        ItemScore upheld = item(score(s), "S1.4");
        assertThat(upheld.score()).isEqualByComparingTo("4");
        assertThat(upheld.computed()).isEqualByComparingTo("2");
        assertThat(upheld.appeals()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("UPHELD");
            assertThat(a.reason()).isEqualTo("第二次培训已开展，台账附后");
            assertThat(a.decision()).isEqualTo("核实属实");
        });
        assertThat(upheld.contributions()).extracting(Contribution::source).contains("APPEAL");
        // Before the decision was recorded, the appeal was only filed.
        assertThat(item(Scoring.score(s, 1, XINQI, facts, facts.get(0).recordedAt()), "S1.4").score()).isEqualByComparingTo("2");
    }

    /** 撤回: a withdrawn appeal stays on its item, said withdrawn with why, and corrects nothing. */
    @Test
    void aWithdrawnAppealShowsWithdrawnWithItsReasonAndCorrectsNothing() {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));
        facts.add(new Fact.Appeal("p1", next(), "ap1", "beilun-2023", "S1.4", "FILED", null, "第二次培训已开展，台账附后"));
        facts.add(new Fact.Appeal("p2", next(), "ap1", "beilun-2023", "S1.4", "WITHDRAWN", null, "已与考核组核对"));
        ItemScore withdrawn = item(score(s), "S1.4");
        assertThat(withdrawn.score()).isEqualByComparingTo("2");
        assertThat(withdrawn.contributions()).extracting(Contribution::source).doesNotContain("APPEAL");
        assertThat(withdrawn.appeals()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("WITHDRAWN");
            assertThat(a.reason()).isEqualTo("第二次培训已开展，台账附后");
            assertThat(a.decision()).isEqualTo("已与考核组核对");
            assertThat(a.points()).isNull();
        });
    }

    @Test
    void adjustmentsAreSummedBeforeClamping() {
        SchemeDocument s = scheme(item("M3", "6", Base.FULL, rule(RuleKind.DISCRETIONARY)));
        facts.add(new Fact.Adjustment("a1", next(), "beilun-2023", "M3", d("3"), "表彰"));
        facts.add(new Fact.Adjustment("a2", next(), "beilun-2023", "M3", d("-2"), "检查发现问题"));
        assertThat(item(score(s), "M3").score()).isEqualByComparingTo("6");
        facts.add(new Fact.Adjustment("a3", next(), "beilun-2023", "M3", d("-8"), "严重问题"));
        assertThat(item(score(s), "M3").score()).isEqualByComparingTo("0");
    }

    @Nested
    class Bonus {
        @Test
        void uncappedBonusSitsOutsideTheHundred() {
            SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 1, "2")),
                    bonus("BONUS", null, tiered(FactKind.MEDIA_PUBLICATION, Map.of("CITY", d("2"), "PROVINCE", d("5"), "NATIONAL", d("8")))));
            occur(FactKind.TRAINING, IN_YEAR);
            for (int i = 0; i < 3; i++) {
                occur(FactKind.MEDIA_PUBLICATION, "NATIONAL", IN_YEAR, Map.of());
            }
            occur(FactKind.MEDIA_PUBLICATION, "CITY", IN_YEAR, Map.of());
            occur(FactKind.MEDIA_PUBLICATION, "COUNTY", IN_YEAR, Map.of());
            ScoreCard card = score(s);
            assertThat(card.regular()).isEqualByComparingTo("6");
            assertThat(card.bonus()).isEqualByComparingTo("26");
            assertThat(card.total()).isEqualByComparingTo("32");
            assertThat(item(card, "BONUS").max()).isNull();
        }

        @Test
        void cappedBonus() {
            SchemeDocument s = scheme(bonus("BONUS", "10", tiered(FactKind.PROMOTION, Map.of("CITY", d("20")))));
            occur(FactKind.PROMOTION, "CITY", IN_YEAR, Map.of());
            assertThat(score(s).bonus()).isEqualByComparingTo("10");
        }
    }

    @Test
    void appliesToDecidesTheItemsOfAUnit() {
        SchemeItem street = item("S1", "50", Base.FULL);
        SchemeItem dept = new SchemeItem("D1", "基础工作", "dept", d("40"), Base.FULL, null, new AppliesTo(UnitType.DEPARTMENT, null, null), List.of(), null);
        SchemeItem named = new SchemeItem("P1", "基础工作", "police only", d("30"), Base.FULL, null, new AppliesTo(null, List.of("police"), null), List.of(), null);
        SchemeItem all = new SchemeItem("A1", "基础工作", "all", d("10"), Base.FULL, null, AppliesTo.ALL, List.of(), null);
        SchemeDocument s = scheme(street, dept, named, all);
        assertThat(Scoring.score(s, 1, XINQI, facts, END).items()).extracting(ItemScore::code).containsExactly("S1", "A1");
        assertThat(Scoring.score(s, 1, POLICE, facts, END).items()).extracting(ItemScore::code).containsExactly("D1", "P1", "A1");
        assertThat(Scoring.score(s, 1, POLICE, facts, END).regular()).isEqualByComparingTo("80");
    }

    @Test
    void asOfSeesOnlyWhatWasRecordedByThen() {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));
        occur(FactKind.TRAINING, IN_YEAR);
        Instant between = T0.plusSeconds(90);
        // Held in January, recorded later: invisible at `between` although its effective date is earlier.
        occur(FactKind.TRAINING, LocalDate.of(2023, 1, 5));
        assertThat(Scoring.score(s, 1, XINQI, facts, between).total()).isEqualByComparingTo("4");
        assertThat(Scoring.score(s, 1, XINQI, facts, END).total()).isEqualByComparingTo("6");
        assertThat(Scoring.score(s, 1, XINQI, facts, T0).total()).isEqualByComparingTo("2");
    }

    @Test
    void aUnitRetiredBeforeTheSchemesYearIsNotAssessedByItButStillByItsOwnYear() {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));
        assertThat(Scoring.ledgerAsOf(s, 1, XINQI, facts, END).applies()).isTrue();
        facts.add(new Fact.Retirement("r1", next(), LocalDate.of(2023, 6, 30), "机构改革"));
        assertThat(Scoring.ledgerAsOf(s, 1, XINQI, facts, END).applies()).as("retired during 2023: assessed for 2023").isTrue();
        facts.add(new Fact.Retirement("r2", next(), LocalDate.of(2022, 12, 31), "机构改革"));
        assertThat(Scoring.ledgerAsOf(s, 1, XINQI, facts, END).applies()).as("retired before 2023").isFalse();
        assertThat(Scoring.score(s, 1, XINQI, facts, END).items()).as("no item scores it").isEmpty();
        assertThat(Scoring.ledgerAsOf(s, 1, XINQI, facts, T0).applies()).as("as of before the retirement was recorded").isTrue();
    }

    @Test
    void totalsAgreeWithTheCard() {
        SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")),
                item("S1.3", "10", Base.ZERO, perItem(FactKind.INFO_ACCEPTED, Points.flat(d("0.5")))),
                bonus("B", null, tiered(FactKind.LEADER_INSTRUCTION, Map.of("CITY", d("4")))));
        occur(FactKind.TRAINING, IN_YEAR);
        occur(FactKind.INFO_ACCEPTED, "GENERAL", IN_YEAR, Map.of());
        occur(FactKind.LEADER_INSTRUCTION, "CITY", IN_YEAR, Map.of());
        UnitLedger ledger = Scoring.ledgerAsOf(s, 1, XINQI, facts, END);
        ScoreCard card = ledger.card(END);
        Totals totals = ledger.totals();
        assertThat(totals).isEqualTo(new Totals(card.total(), card.regular(), card.bonus()));
        assertThat(card.total()).isEqualByComparingTo("8.5");
        assertThat(card.total().toPlainString()).isEqualTo("8.5");
    }

    /** Facts the platform records itself, which a scheme may score: escalated 抄告单 and sampling verdicts (seeds 003, 004). */
    @Nested
    class SupervisionFacts {
        Rule deductPerFact(FactKind fact, String deduct, String cap) {
            return new Rule(RuleKind.DEDUCT_PER_FACT, fact, null, null, d(deduct), null, null, null, null, null, null, null, null, null,
                    null, null, cap == null ? null : d(cap));
        }

        @Test
        void eachEscalatedCopyNoticeDeductsUpToTheCap() {
            SchemeDocument s = scheme(item("C1", "5", Base.FULL, deductPerFact(FactKind.COPY_NOTICE_ESCALATED, "1", "3")));
            assertThat(item(score(s), "C1").score()).isEqualByComparingTo("5");
            String first = occur(FactKind.COPY_NOTICE_ESCALATED, IN_YEAR);
            occur(FactKind.COPY_NOTICE_ESCALATED, IN_YEAR);
            ItemScore two = item(score(s), "C1");
            assertThat(two.score()).isEqualByComparingTo("3");
            assertThat(two.contributions().get(0).reason()).contains("抄告单逾期未反馈 2 次，每次扣1分");
            assertThat(two.contributions().get(0).evidence()).contains(first);
            occur(FactKind.COPY_NOTICE_ESCALATED, IN_YEAR);
            occur(FactKind.COPY_NOTICE_ESCALATED, IN_YEAR);
            assertThat(item(score(s), "C1").score()).as("four escalations, at most 3").isEqualByComparingTo("2");
            occur(FactKind.COPY_NOTICE_ESCALATED, LocalDate.of(2022, 12, 30));
            assertThat(item(score(s), "C1").score()).as("an escalation of another year does not count").isEqualByComparingTo("2");
        }

        @Test
        void samplingAccuracyIsBorneOutOverRecheckedAndNothingRecheckedDeductsNothing() {
            SchemeDocument s = scheme(item("A1", "4", Base.FULL, threshold(cn.duban.kernel.scheme.Indicators.SAMPLING_ACCURACY, "90", null, "4")));
            ItemScore none = item(score(s), "A1");
            assertThat(none.score()).isEqualByComparingTo("4");
            assertThat(none.contributions().get(0).reason()).contains("尚无抽查复核结果");
            for (int k = 0; k < 9; k++) {
                occur(FactKind.SAMPLE_CONFIRMED, IN_YEAR);
            }
            assertThat(item(score(s), "A1").score()).as("9 of 9").isEqualByComparingTo("4");
            facts.add(new Fact.Disqualification("d" + facts.size(), next(), SampleKind.TRAINING, "t1", "签到表系补签"));
            ItemScore tenth = item(score(s), "A1");
            assertThat(tenth.score()).as("9 of 10 = 90%: met").isEqualByComparingTo("4");
            facts.add(new Fact.Disqualification("d" + facts.size(), next(), SampleKind.TRAINING, "t2", "照片与培训不符"));
            ItemScore eleventh = item(score(s), "A1");
            assertThat(eleventh.score()).as("9 of 11 = 81.8%").isEqualByComparingTo("0");
            assertThat(eleventh.contributions().get(0).reason()).contains("抽查准确率 81.8%", "复核 11 条，属实 9 条");
        }

        @Test
        void aUnitCannotReportTheRateThePlatformComputes() {
            assertThatThrownBy(() -> cn.duban.kernel.reporting.IndicatorFigure.requireConsistent(
                    cn.duban.kernel.scheme.Indicators.SAMPLING_ACCURACY, d("100"), null, null))
                    .isInstanceOf(cn.duban.kernel.error.InvalidInputException.class).hasMessageContaining("indicator");
        }
    }

    @Nested
    class FlaggedRecords {
        String flag(SampleKind kind, String recordId) {
            String id = "d" + facts.size();
            facts.add(new Fact.Disqualification(id, next(), kind, recordId, "签到表系补签"));
            return id;
        }

        @Test
        void aFlaggedTrainingStopsCountingFromTheVerdictOnWithItsReasonAsEvidence() {
            SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));
            String kept = occur(FactKind.TRAINING, IN_YEAR);
            String untrue = occur(FactKind.TRAINING, IN_YEAR);
            Instant beforeVerdict = T0.plusSeconds(60L * seq);
            String verdict = flag(SampleKind.TRAINING, "s1");

            assertThat(Scoring.score(s, 1, XINQI, facts, beforeVerdict).total()).isEqualByComparingTo("6");
            ItemScore i = item(score(s), "S1.4");
            assertThat(i.score()).isEqualByComparingTo("4");
            assertThat(i.contributions()).extracting(Contribution::source).containsExactly("QUOTA", "SAMPLING");
            assertThat(i.contributions().get(0).evidence()).containsExactly(kept);
            Contribution sampling = i.contributions().get(1);
            assertThat(sampling.points()).isEqualByComparingTo("0");
            assertThat(sampling.reason()).contains("签到表系补签");
            assertThat(sampling.evidence()).containsExactly(verdict, untrue);
        }

        @Test
        void aFlaggedInfoReportLosesItsSubmissionAndItsAcceptanceEvenOneRecordedLater() {
            SchemeDocument s = scheme(item("S1.3", "10", Base.ZERO, perItem(FactKind.INFO_ACCEPTED, Points.flat(d("0.5")))),
                    item("S1.2", "4", Base.FULL, quota(FactKind.INFO_SUBMITTED, 1, "4")));
            facts.add(new Fact.Occurrence("sub", next(), FactKind.INFO_SUBMITTED, null, IN_YEAR, Map.of(), "r1"));
            flag(SampleKind.INFO_REPORT, "r1");
            facts.add(new Fact.Occurrence("acc", next(), FactKind.INFO_ACCEPTED, "GENERAL", IN_YEAR, Map.of(), "r1"));
            ScoreCard card = score(s);
            assertThat(item(card, "S1.3").score()).isEqualByComparingTo("0");
            assertThat(item(card, "S1.2").score()).isEqualByComparingTo("0");
            assertThat(item(card, "S1.3").contributions()).filteredOn(c -> c.source().equals("SAMPLING"))
                    .singleElement().satisfies(c -> assertThat(c.evidence()).contains("acc"));
        }

        @Test
        void aFlaggedCampaignStepTakesOnlyItsOwnQuantityOut() {
            SchemeDocument s = scheme(item("S2", "5", Base.FULL, countTarget(FactKind.CAMPAIGN_PROGRESS, "communities", "10", "5")));
            occur(FactKind.CAMPAIGN_PROGRESS, null, IN_YEAR, Map.of("communities", d("6")));
            String second = occur(FactKind.CAMPAIGN_PROGRESS, null, IN_YEAR, Map.of("communities", d("4")));
            assertThat(item(score(s), "S2").score()).isEqualByComparingTo("5");
            flag(SampleKind.CAMPAIGN_PROGRESS, second);
            assertThat(item(score(s), "S2").score()).isEqualByComparingTo("0");
        }

        @Test
        void aFlaggedIndicatorFigureGivesWayToTheLatestTrueOne() {
            SchemeDocument s = scheme(item("M5", "7", Base.FULL, threshold("registration_rate", "95", null, "4")));
            String trueFigure = indicator("registration_rate", 2023, "94");
            String inflated = indicator("registration_rate", 2023, "97");
            assertThat(item(score(s), "M5").score()).isEqualByComparingTo("7");
            flag(SampleKind.INDICATOR_REPORT, inflated);
            ItemScore i = item(score(s), "M5");
            assertThat(i.score()).isEqualByComparingTo("3");
            assertThat(i.contributions().get(0).evidence()).containsExactly(trueFigure);
        }

        String withdraw(SampleKind kind, String recordId) {
            String id = "w" + facts.size();
            facts.add(new Fact.Disqualification(id, next(), kind, recordId, "日期填错", Fact.Disqualification.Cause.WITHDRAWAL));
            return id;
        }

        @Test
        void aWithdrawnTrainingStopsCountingFromTheWithdrawalOnAndIsNoVerdict() {
            SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")),
                    item("A1", "4", Base.FULL, threshold(cn.duban.kernel.scheme.Indicators.SAMPLING_ACCURACY, "90", null, "4")));
            String kept = occur(FactKind.TRAINING, IN_YEAR);
            String mistaken = occur(FactKind.TRAINING, IN_YEAR);
            Instant beforeWithdrawal = T0.plusSeconds(60L * seq);
            String withdrawal = withdraw(SampleKind.TRAINING, "s1");

            assertThat(Scoring.score(s, 1, XINQI, facts, beforeWithdrawal).total()).as("as of before it, as it was").isEqualByComparingTo("10");
            ScoreCard card = score(s);
            ItemScore i = item(card, "S1.4");
            assertThat(i.score()).isEqualByComparingTo("4");
            assertThat(i.contributions()).extracting(Contribution::source).containsExactly("QUOTA", "WITHDRAWAL");
            assertThat(i.contributions().get(0).evidence()).containsExactly(kept);
            Contribution why = i.contributions().get(1);
            assertThat(why.points()).isEqualByComparingTo("0");
            assertThat(why.reason()).isEqualTo("记录已撤回，不予计分：日期填错");
            assertThat(why.reasonEn()).isEqualTo("Record withdrawn, not counted: 日期填错");
            assertThat(why.evidence()).containsExactly(withdrawal, mistaken);
            ItemScore accuracy = item(card, "A1");
            assertThat(accuracy.score()).as("a withdrawal is no sampling verdict").isEqualByComparingTo("4");
            assertThat(accuracy.contributions().get(0).reason()).contains("尚无抽查复核结果");
        }

        @Test
        void aRecordWithdrawnAfterItWasSampledStillCountsAsFoundUntrueWhenTheRecheckSaysSo() {
            SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")),
                    item("A1", "4", Base.FULL, threshold(cn.duban.kernel.scheme.Indicators.SAMPLING_ACCURACY, "90", null, "4")));
            occur(FactKind.TRAINING, IN_YEAR);
            occur(FactKind.TRAINING, IN_YEAR);
            withdraw(SampleKind.TRAINING, "s1");
            String verdict = flag(SampleKind.TRAINING, "s1");
            ScoreCard card = score(s);
            assertThat(item(card, "S1.4").score()).as("taken out once").isEqualByComparingTo("4");
            assertThat(item(card, "S1.4").contributions()).filteredOn(c -> c.points().signum() == 0)
                    .singleElement().satisfies(c -> {
                        assertThat(c.source()).isEqualTo("SAMPLING");
                        assertThat(c.evidence()).startsWith(verdict);
                    });
            assertThat(item(card, "A1").score()).as("0 of 1 borne out").isEqualByComparingTo("0");
            flag(SampleKind.TRAINING, "s1");
            assertThat(item(score(s), "A1").contributions().get(0).reason()).as("the same verdict twice counts once").contains("复核 1 条");
            UnitLedger ledger = Scoring.ledgerAsOf(s, 1, XINQI, facts, END);
            assertThat(ledger.totals().total()).isEqualByComparingTo(ledger.card(END).total());
        }

        @Test
        void aWithdrawnInfoReportLosesItsSubmission() {
            SchemeDocument s = scheme(item("S1.2", "4", Base.FULL, quota(FactKind.INFO_SUBMITTED, 1, "4")));
            facts.add(new Fact.Occurrence("sub", next(), FactKind.INFO_SUBMITTED, null, IN_YEAR, Map.of(), "r1"));
            assertThat(item(score(s), "S1.2").score()).isEqualByComparingTo("4");
            withdraw(SampleKind.INFO_REPORT, "r1");
            assertThat(item(score(s), "S1.2").score()).isEqualByComparingTo("0");
        }

        @Test
        void aWithdrawnAchievementEarnsNoBonusFromThenOn() {
            SchemeDocument s = scheme(bonus("BONUS", null, tiered(FactKind.MEDIA_PUBLICATION, Map.of("CITY", d("2"), "PROVINCE", d("5")))));
            facts.add(new Fact.Occurrence("pub1", next(), FactKind.MEDIA_PUBLICATION, "PROVINCE", IN_YEAR, Map.of(), "a1"));
            facts.add(new Fact.Occurrence("pub2", next(), FactKind.MEDIA_PUBLICATION, "CITY", IN_YEAR, Map.of(), "a2"));
            assertThat(score(s).bonus()).isEqualByComparingTo("7");
            withdraw(SampleKind.ACHIEVEMENT, "a1");
            ScoreCard card = score(s);
            assertThat(card.bonus()).isEqualByComparingTo("2");
            assertThat(item(card, "BONUS").contributions()).extracting(Contribution::source).contains("WITHDRAWAL");
        }

        @Test
        void aWithdrawnFigureGivesWayToTheOneReportedBeforeIt() {
            SchemeDocument s = scheme(item("M5", "7", Base.FULL, threshold("registration_rate", "95", null, "4")));
            String right = indicator("registration_rate", 2023, "96");
            String typo = indicator("registration_rate", 2023, "69");
            assertThat(item(score(s), "M5").score()).isEqualByComparingTo("3");
            withdraw(SampleKind.INDICATOR_REPORT, typo);
            ItemScore i = item(score(s), "M5");
            assertThat(i.score()).isEqualByComparingTo("7");
            assertThat(i.contributions().get(0).evidence()).containsExactly(right);
        }

        @Test
        void aWithdrawnCampaignStepTakesOnlyItsOwnQuantityOutFromTheWithdrawalOn() {
            SchemeDocument s = scheme(item("S2", "5", Base.FULL, countTarget(FactKind.CAMPAIGN_PROGRESS, "communities", "10", "5")));
            occur(FactKind.CAMPAIGN_PROGRESS, null, IN_YEAR, Map.of("communities", d("6")));
            String typo = occur(FactKind.CAMPAIGN_PROGRESS, null, IN_YEAR, Map.of("communities", d("40")));
            assertThat(item(score(s), "S2").score()).isEqualByComparingTo("5");
            Instant before = T0.plusSeconds(60L * seq);
            // The fact the event itself gives: the step named by the event that recorded it.
            facts.add(new cn.duban.kernel.reporting.CampaignProgressWithdrawn("c1", "xinqi", typo, "应为4").fact("w", next()).orElseThrow());
            ItemScore i = item(score(s), "S2");
            assertThat(i.score()).as("6 of 10 communities").isEqualByComparingTo("0");
            assertThat(i.contributions()).extracting(Contribution::source).contains("WITHDRAWAL");
            assertThat(Scoring.score(s, 1, XINQI, facts, before).total()).as("as of before it, as it was").isEqualByComparingTo("5");
        }

        /** A whole campaign withdrawn: its launch, its steps and its closing stop counting, another campaign's do not. */
        @Test
        void aWithdrawnCampaignTakesItsLaunchStepsAndClosingOutFromTheWithdrawalOn() {
            SchemeDocument s = scheme(item("S2", "5", Base.FULL, countTarget(FactKind.CAMPAIGN_PROGRESS, "communities", "10", "5")),
                    item("S3", "4", Base.FULL, quota(FactKind.CAMPAIGN_LAUNCHED, 2, "2")),
                    item("S4", "2", Base.FULL, quota(FactKind.CAMPAIGN_CLOSED, 1, "2")));
            String kept = event(new cn.duban.kernel.reporting.CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", IN_YEAR));
            String keptStep = event(new cn.duban.kernel.reporting.CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities",
                    d("6"), IN_YEAR));
            String twice = event(new cn.duban.kernel.reporting.CampaignLaunched("c2", "xinqi", "GROUP_RENTAL", "群租整治", IN_YEAR));
            String twiceStep = event(new cn.duban.kernel.reporting.CampaignProgressRecorded("c2", "xinqi", "GROUP_RENTAL", "communities",
                    d("4"), IN_YEAR));
            String twiceClosed = event(new cn.duban.kernel.reporting.CampaignClosed("c2", "xinqi", "GROUP_RENTAL", IN_YEAR, "完成"));
            ScoreCard before = score(s);
            assertThat(before.total()).isEqualByComparingTo("11");
            Instant beforeWithdrawal = T0.plusSeconds(60L * seq);
            String withdrawal = event(new cn.duban.kernel.reporting.CampaignWithdrawn("c2", "xinqi", "重复启动"));

            ScoreCard card = score(s);
            assertThat(item(card, "S2").score()).as("6 of 10 communities").isEqualByComparingTo("0");
            assertThat(item(card, "S3").score()).as("1 of 2 campaigns").isEqualByComparingTo("2");
            assertThat(item(card, "S4").score()).as("no campaign closed").isEqualByComparingTo("0");
            assertThat(item(card, "S2").contributions().get(0).evidence()).containsExactly(keptStep);
            assertThat(item(card, "S3").contributions()).filteredOn(c -> c.source().equals("WITHDRAWAL")).singleElement()
                    .satisfies(c -> assertThat(c.evidence()).containsExactly(withdrawal, twice));
            assertThat(item(card, "S2").contributions()).filteredOn(c -> c.source().equals("WITHDRAWAL")).singleElement()
                    .satisfies(c -> assertThat(c.evidence()).containsExactly(withdrawal, twiceStep));
            assertThat(item(card, "S4").contributions()).filteredOn(c -> c.source().equals("WITHDRAWAL")).singleElement()
                    .satisfies(c -> assertThat(c.evidence()).containsExactly(withdrawal, twiceClosed));
            assertThat(item(card, "S3").contributions().get(0).evidence()).containsExactly(kept);
            assertThat(Scoring.score(s, 1, XINQI, facts, beforeWithdrawal).total()).as("as of before it, as it was").isEqualByComparingTo("11");
            UnitLedger ledger = Scoring.ledgerAsOf(s, 1, XINQI, facts, END);
            assertThat(ledger.totals().total()).as("a ledger kept for totals").isEqualByComparingTo(card.total());
        }

        /** A whole campaign sampled and found untrue: all of it goes, as a withdrawal would take it, and it is a verdict. */
        @Test
        void aCampaignFoundUntrueTakesAllOfItOutAndCountsAgainstAccuracy() {
            SchemeDocument s = scheme(item("S2", "5", Base.FULL, countTarget(FactKind.CAMPAIGN_PROGRESS, "communities", "10", "5")),
                    item("A1", "4", Base.FULL, threshold(cn.duban.kernel.scheme.Indicators.SAMPLING_ACCURACY, "90", null, "4")));
            event(new cn.duban.kernel.reporting.CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", IN_YEAR));
            event(new cn.duban.kernel.reporting.CampaignProgressRecorded("c1", "xinqi", "GROUP_RENTAL", "communities", d("10"), IN_YEAR));
            assertThat(item(score(s), "S2").score()).isEqualByComparingTo("5");
            String verdict = flag(SampleKind.CAMPAIGN, "c1");
            ScoreCard card = score(s);
            assertThat(item(card, "S2").score()).isEqualByComparingTo("0");
            assertThat(item(card, "S2").contributions()).extracting(Contribution::source).contains("SAMPLING");
            assertThat(item(card, "S2").contributions()).filteredOn(c -> c.source().equals("SAMPLING")).singleElement()
                    .satisfies(c -> assertThat(c.evidence()).startsWith(verdict));
            assertThat(item(card, "A1").score()).as("0 of 1 borne out").isEqualByComparingTo("0");
        }

        /** The fact an event of the unit gives, recorded next, as the store would hand it to scoring. */
        String event(cn.duban.kernel.scoring.UnitEvent e) {
            String id = "e" + facts.size();
            facts.add(e.fact(id, next()).orElseThrow());
            return id;
        }

        @Test
        void aFactStoredBeforeWithdrawalsExistedIsASamplingVerdict() {
            assertThat(new Fact.Disqualification("d", T0, SampleKind.TRAINING, "t", "r", null).cause())
                    .isEqualTo(Fact.Disqualification.Cause.SAMPLING);
        }

        @Test
        void flaggingTwiceOrFlaggingAnotherYearsRecordChangesNothingMore() {
            SchemeDocument s = scheme(item("S1.4", "6", Base.FULL, quota(FactKind.TRAINING, 2, "2")));
            occur(FactKind.TRAINING, IN_YEAR);
            occur(FactKind.TRAINING, IN_YEAR);
            occur(FactKind.TRAINING, LocalDate.of(2022, 12, 1));
            flag(SampleKind.TRAINING, "s0");
            flag(SampleKind.TRAINING, "s0");
            flag(SampleKind.TRAINING, "s2");
            ItemScore i = item(score(s), "S1.4");
            assertThat(i.score()).isEqualByComparingTo("4");
            assertThat(i.contributions()).filteredOn(c -> c.source().equals("SAMPLING")).hasSize(1);
            UnitLedger ledger = Scoring.ledgerAsOf(s, 1, XINQI, facts, END);
            assertThat(ledger.totals().total()).isEqualByComparingTo(ledger.card(END).total());
        }
    }
}
