package cn.duban.kernel.scheme.beilun;

import cn.duban.kernel.scheme.beilun.Beilun2023.RosterUnit;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.scheme.SchemeValidator;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.scoring.Scoring;
import cn.duban.kernel.scoring.UnitProfile;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The transcription of seed 001's two tables. */
class Beilun2023Test {
    final SchemeDocument scheme = Beilun2023.scheme();
    final List<RosterUnit> roster = Beilun2023.roster().units();

    SchemeItem item(String code) {
        return scheme.item(code).orElseThrow();
    }

    @Test
    void isAValidScheme() {
        assertThat(SchemeValidator.validate(scheme)).isEmpty();
        assertThat(scheme.year()).isEqualTo(2023);
    }

    @Test
    void countsOfItemsAndUnits() {
        assertThat(scheme.items()).hasSize(79);
        assertThat(scheme.items().stream().filter(SchemeItem::isBonus)).hasSize(4);
        // 附件1: 4 + 7 + 5 regular items for every sub-district.
        assertThat(scheme.items().stream().filter(i -> !i.isBonus() && i.appliesToOrDefault().unitType() == UnitType.STREET)).hasSize(16);
        // 附件2: the common basic block of 3 items and 56 department-specific items.
        assertThat(scheme.items().stream().filter(i -> !i.isBonus() && i.appliesToOrDefault().unitType() == UnitType.DEPARTMENT)).hasSize(3);
        assertThat(scheme.items().stream().filter(i -> i.appliesToOrDefault().units() != null)).hasSize(56);
        assertThat(roster.stream().filter(u -> u.type() == UnitType.DEPARTMENT)).hasSize(34);
        assertThat(roster.stream().filter(u -> u.type() == UnitType.STREET)).extracting(RosterUnit::name)
                .contains("新碶街道", "大碶街道", "小港街道").hasSize(10);
        assertThat(new HashSet<>(roster.stream().map(RosterUnit::id).toList())).hasSameSizeAs(roster);
    }

    @Test
    void everyUnitsRegularItemsSumToOneHundredAndItsTableHasTheSeedsBlocks() {
        for (RosterUnit u : roster) {
            ScoreCard card = Scoring.score(scheme, 1, new UnitProfile(u.id(), u.type()), List.of(), Instant.EPOCH);
            BigDecimal max = card.items().stream().filter(i -> !i.bonus()).map(i -> i.max()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(max).as(u.name()).isEqualByComparingTo("100");
            BigDecimal basic = card.items().stream().filter(i -> i.category().equals("基础工作")).map(i -> i.max()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(basic).as(u.name() + " 基础工作").isEqualByComparingTo("30");
            assertThat(card.items().stream().filter(i -> i.bonus())).as(u.name()).hasSize(2);
        }
        Set<String> named = new HashSet<>();
        scheme.items().stream().filter(i -> i.appliesToOrDefault().units() != null).forEach(i -> named.addAll(i.appliesToOrDefault().units()));
        assertThat(named).containsExactlyInAnyOrderElementsOf(roster.stream().filter(u -> u.type() == UnitType.DEPARTMENT).map(RosterUnit::id).toList());
    }

    @Test
    void aSampleOfItemsAgainstTheSeed() {
        SchemeItem info = item("S1.3");
        assertThat(info.max()).isEqualByComparingTo("10");
        assertThat(info.standard()).contains("每录用一篇加0.5分，每录用一篇典型经验综合类信息加1分，最高得10分");
        assertThat(info.rules().get(0).points().forLevel("TYPICAL")).isEqualByComparingTo("1");
        assertThat(info.rules().get(0).points().forLevel("GENERAL")).isEqualByComparingTo("0.5");

        Rule training = item("S1.4").rules().get(0);
        assertThat(training.kind()).isEqualTo(RuleKind.QUOTA);
        assertThat(training.required()).isEqualTo(2);
        assertThat(training.perMissing()).isEqualByComparingTo("2");

        assertThat(item("S2.5").rules()).extracting(Rule::indicator)
                .containsExactly("registration_rate", "accuracy_rate", "rental_registration_rate", null);
        assertThat(item("S2.5").rules().get(3).kind()).as("高危人员管控, 以人管人排查: each condition missed").isEqualTo(RuleKind.PER_FAILURE);
        assertThat(item("D0.3").standard()).contains("每录用一篇信息价2分，最高得10分");
        assertThat(item("D0.3").rules().get(0).points().flatValue()).isEqualByComparingTo("2");

        assertThat(Stream.of("fgj.1", "fgj.2", "fgj.3").map(c -> item(c).max().intValue())).containsExactly(20, 25, 25);
        Rule crime = item("gafj.2").rules().get(0);
        assertThat(crime.kind()).isEqualTo(RuleKind.VS_PREVIOUS_YEAR);
        assertThat(crime.perPoint()).isEqualByComparingTo("5");
        assertThat(item("gafj.2").standard()).contains("每超过上一年度一个百分点扣5分");
        Rule people = item("rsj.3").rules().get(0);
        assertThat(people.kind()).isEqualTo(RuleKind.COUNT_TARGET);
        assertThat(people.target()).isEqualByComparingTo("10000");
        assertThat(item("rsj.3").standard()).contains("培养各类人员1万人，未达到的扣10分");
        assertThat(item("zhzfj.1").rules()).extracting(Rule::kind).containsExactly(RuleKind.DISCRETIONARY);
        assertThat(item("SB1").rules().get(0).points().forLevel("NATIONAL")).isEqualByComparingTo("8");
        assertThat(item("DB1").rules().get(0).fact()).isEqualTo(FactKind.PROMOTION);
        assertThat(item("DB1").rules().get(1).points().forLevel("CENTRAL")).isEqualByComparingTo("20");
    }

    /** Every item keeps its 评分标准 word for word (checked against the seed when it is beside the repository). */
    @Test
    void everyStandardIsTheSeedsText() throws IOException {
        assertThat(scheme.items()).allSatisfy(i -> assertThat(i.standard()).isNotBlank());
        Path seeds = Path.of("..", "..", "shared", "seeds");
        // The seed documents are the project's, beside the repository; a clone elsewhere (a public CI
        // runner, a newcomer's machine) has none. The transcription is still checked above.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(seeds),
                "seed documents not beside the repository (../shared/seeds): the word-for-word check is skipped");
        Path seed;
        try (Stream<Path> files = Files.list(seeds)) {
            seed = files.filter(p -> p.getFileName().toString().startsWith("001_")).findFirst().orElseThrow();
        }
        String text = Files.readString(seed).replaceAll("\\s+", "");
        for (SchemeItem i : scheme.items()) {
            assertThat(text).as(i.code()).contains(i.standard().replaceAll("\\s+", ""));
        }
    }
}
