package cn.duban.kernel.scheme.beilun;

import cn.duban.kernel.scheme.Indicators;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.scheme.SchemeValidator;
import cn.duban.kernel.scheme.beilun.Beilun2023.RosterUnit;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.ItemScore;
import cn.duban.kernel.scoring.ScoreCard;
import cn.duban.kernel.scoring.Scoring;
import cn.duban.kernel.scoring.UnitProfile;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The transcription of seed 000's two tables as Beilun's 2022 scheme. */
class Beilun2022Test {
    final SchemeDocument scheme = Beilun2022.scheme();
    final List<RosterUnit> roster = Beilun2022.roster().units();

    SchemeItem item(String code) {
        return scheme.item(code).orElseThrow();
    }

    @Test
    void isAValidSchemeForTheYearBefore2023() {
        assertThat(SchemeValidator.validate(scheme)).isEmpty();
        assertThat(scheme.year()).isEqualTo(Beilun2023.scheme().year() - 1);
        assertThat(scheme.supervisionWeight()).isEqualByComparingTo("0.3");
        assertThat(scheme.note()).contains("基本分为100分", "折合的目标考核得分按区目标管理考核评分标准执行", "督查成绩在年终按30%比例计入年终考核");
    }

    @Test
    void countsOfItemsAndUnits() {
        // 附件1: 4 + 5 + 4 + 6 + 2 rows, row 3 in two versions (10 articles; 15 for 新碶、大碶、小港), and 2 bonus rows.
        assertThat(scheme.items().stream().filter(i -> i.code().startsWith("S") && !i.isBonus())).hasSize(22);
        assertThat(scheme.items().stream().filter(SchemeItem::isBonus)).extracting(SchemeItem::code).containsExactly("SB1", "SB2");
        // 附件2: the common block of 3 rows and 13 departments' own rows.
        assertThat(scheme.items().stream().filter(i -> i.code().startsWith("D0."))).hasSize(3);
        assertThat(scheme.items().stream().filter(i -> i.category().equals("部门职责"))).hasSize(42);
        assertThat(roster.stream().filter(u -> u.type() == UnitType.DEPARTMENT)).extracting(RosterUnit::name).containsExactly(
                "区综治办", "公安分局", "区住房和城乡建设局", "区卫生计划生育局", "区人力资源和社会保障局", "区教育局", "区发展和改革局",
                "区市场监督管理局", "区综合执法局", "区交通运输局", "区民政局", "区新兴产业和服务业发展局", "区文化广电新闻出版局");
        assertThat(roster.stream().filter(u -> u.type() == UnitType.STREET)).hasSize(10);
        assertThat(Beilun2022.roster().note()).contains("评分表", "不一致");
    }

    @Test
    void renamedBodiesKeepTheir2023IdsSoFiguresCompareYearOnYear() {
        Map<String, RosterUnit> in2023 = new LinkedHashMap<>();
        Beilun2023.roster().units().forEach(u -> in2023.put(u.id(), u));
        assertThat(roster).filteredOn(u -> !in2023.containsKey(u.id())).extracting(RosterUnit::name)
                .containsExactlyInAnyOrder("区综治办", "区新兴产业和服务业发展局");
        assertThat(in2023.get("wjj").name()).isEqualTo("区卫生健康局");
        assertThat(roster).filteredOn(u -> u.id().equals("wjj")).extracting(RosterUnit::name).containsExactly("区卫生计划生育局");
        assertThat(roster).filteredOn(u -> u.retiredOn() != null).extracting(RosterUnit::id).containsExactlyInAnyOrder("zongzhiban", "xxcyj")
                .allSatisfy(id -> assertThat(roster.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow().retiredOn())
                        .isEqualTo(LocalDate.of(2022, 12, 31)));
    }

    @Test
    void everyUnitsRegularItemsSumToOneHundred() {
        for (RosterUnit u : roster) {
            ScoreCard card = Scoring.score(scheme, 1, new UnitProfile(u.id(), u.type()), List.of(), Instant.EPOCH);
            BigDecimal max = card.items().stream().filter(i -> !i.bonus()).map(ItemScore::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(max).as(u.name()).isEqualByComparingTo("100");
            if (u.type() == UnitType.DEPARTMENT) {
                BigDecimal basic = card.items().stream().filter(i -> i.category().equals("基础工作")).map(ItemScore::max)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(basic).as(u.name() + " 基础工作").isEqualByComparingTo("30");
            }
        }
        Set<String> named = new HashSet<>();
        scheme.items().stream().filter(i -> !i.code().startsWith("S") && i.appliesToOrDefault().units() != null)
                .forEach(i -> named.addAll(i.appliesToOrDefault().units()));
        assertThat(named).as("附件2 names exactly its departments").containsExactlyInAnyOrderElementsOf(roster.stream().filter(u -> u.type() == UnitType.DEPARTMENT).map(RosterUnit::id).toList());
        // A department 2022's tables do not name (e.g. one founded in 2023) is not assessed by it.
        assertThat(Scoring.ledgerAsOf(scheme, 1, new UnitProfile("shzlzx", UnitType.DEPARTMENT), List.of(), Instant.EPOCH).applies()).isFalse();
    }

    @Test
    void everyIndicatorItNamesIsKnownWithItsWordsAndUnit() {
        scheme.items().stream().flatMap(i -> i.rulesOrEmpty().stream()).map(Rule::indicator).filter(java.util.Objects::nonNull)
                .forEach(name -> assertThat(Indicators.known()).as(name).anyMatch(k -> k.key().equals(name)));
        assertThat(Indicators.of("labor_cooperation_bases").unit()).isEqualTo(Indicators.Unit.COUNT);
    }

    /** "未开展的扣8分。每整治一个小区加2分,累计加分。": 8 off without a campaign; 2 a community, beyond the item's 12. */
    @Test
    void s23DeductsWithoutACampaignAndAddsTwoPerCommunityBeyondItsMax() {
        UnitProfile xinqi = new UnitProfile("xinqi", UnitType.STREET);
        LocalDate on = LocalDate.of(2022, 5, 1);
        List<Fact> facts = new ArrayList<>();
        assertThat(s23(Scoring.score(scheme, 1, xinqi, facts, Instant.EPOCH))).isEqualByComparingTo("4");
        facts.add(new Fact.Occurrence("e1", Instant.EPOCH, FactKind.CAMPAIGN_LAUNCHED, "GROUP_RENTAL", on, Map.of(), "c1"));
        assertThat(s23(Scoring.score(scheme, 1, xinqi, facts, Instant.EPOCH))).isEqualByComparingTo("12");
        facts.add(new Fact.Occurrence("e2", Instant.EPOCH, FactKind.CAMPAIGN_PROGRESS, "GROUP_RENTAL", on,
                Map.of("communities_rectified", BigDecimal.valueOf(5)), "c1"));
        ScoreCard card = Scoring.score(scheme, 1, xinqi, facts, Instant.EPOCH);
        assertThat(s23(card)).as("12 + 5 × 2, accumulated beyond the max").isEqualByComparingTo("22");
        assertThat(card.regular()).isEqualByComparingTo(Scoring.score(scheme, 1, xinqi, List.of(facts.get(0)), Instant.EPOCH).regular().add(BigDecimal.TEN));
        facts.add(new Fact.Occurrence("e3", Instant.EPOCH, FactKind.CAMPAIGN_PROGRESS, "SAFETY", on,
                Map.of("communities_rectified", BigDecimal.valueOf(3)), "c2"));
        assertThat(s23(Scoring.score(scheme, 1, xinqi, facts, Instant.EPOCH))).as("another kind of campaign does not count").isEqualByComparingTo("22");
    }

    private BigDecimal s23(ScoreCard card) {
        return card.items().stream().filter(i -> i.code().equals("S2.3")).findFirst().orElseThrow().score();
    }

    @Test
    void informationQuotaIsFifteenForTheThreeBigSubDistrictsAndTenElsewhere() {
        assertThat(item("S1.3").rules().get(0).required()).isEqualTo(10);
        assertThat(item("S1.3L").rules().get(0).required()).isEqualTo(15);
        assertThat(item("S1.3L").appliesToOrDefault().units()).containsExactly("xinqi", "daqi", "xiaogang");
        assertThat(item("S1.3").standard()).isEqualTo(item("S1.3L").standard()).contains("(其中新碶街道、大碶街道、小港街道15篇以上)");
        assertThat(item("gafj.2").rules()).extracting(Rule::kind).containsExactly(RuleKind.THRESHOLD, RuleKind.VS_PREVIOUS_YEAR);
    }

    /**
     * Word for word against seed 000, where it is beside the repository: the standards appear in the
     * tables in order, and what lies between two of them is only the points, the tables' headers, the
     * unit names and page marks — so no row is missing — and the points are the items' maxima.
     */
    @Test
    void everyStandardIsTheSeedsTextAndNoRowIsMissing() throws IOException {
        Path seeds = Path.of("..", "..", "shared", "seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds),
                "seed documents not beside the repository (../shared/seeds): the word-for-word check is skipped");
        Path seed;
        try (Stream<Path> files = Files.list(seeds)) {
            seed = files.filter(p -> p.getFileName().toString().startsWith("000_")).findFirst().orElseThrow();
        }
        String text = Files.readString(seed);
        int pos = text.indexOf("附件1");
        Pattern filler = Pattern.compile("(?:附件[12][^0-9]*?细则|考核内容考核分评分标准自查得分考核得分|单位分值考核内容基础分自评分考核得分|- \\d+ -"
                + "|基础工作|重点工作|管理工作|服务工作|融合工作|创新工作加分项|区[^0-9]{1,16}?(?:局|办)|公安分局|\\d+分?)*");
        String previous = null;
        SchemeItem pointsAfter = null;
        for (SchemeItem i : scheme.items()) {
            if (i.standard().equals(previous)) {
                continue; // S1.3L: the same row, for the three big sub-districts
            }
            int at = text.indexOf(i.standard(), pos);
            assertThat(at).as(i.code() + " in order in the seed").isGreaterThanOrEqualTo(0);
            String between = text.substring(pos, at);
            assertThat(filler.matcher(between).matches()).as(i.code() + ": only points and headers before it, found: " + between).isTrue();
            // 附件1 puts a row's points before its standard, 附件2 after it.
            if (pointsAfter != null) {
                assertThat(between).as(pointsAfter.code() + "'s points").startsWith(pointsAfter.max().toPlainString());
            }
            boolean annex1 = i.code().startsWith("S");
            if (annex1 && !i.isBonus()) {
                assertThat(between).as(i.code() + "'s points").endsWith(i.max().toPlainString());
            }
            pointsAfter = annex1 ? null : i;
            pos = at + i.standard().length();
            previous = i.standard();
        }
        assertThat(text.substring(pos)).as("the last row's points, and nothing after").isEqualTo(pointsAfter.max().toPlainString());
    }
}
