package cn.duban.kernel.scheme;

import cn.duban.kernel.error.Violation;
import cn.duban.kernel.unit.UnitType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemeValidatorTest {
    static Rule quota(Integer required, BigDecimal perMissing) {
        return new Rule(RuleKind.QUOTA, FactKind.TRAINING, required, perMissing, null, null, null, null, null, null, null, null, null, null);
    }

    static SchemeItem item(String code, BigDecimal max, Rule... rules) {
        return new SchemeItem(code, "基础工作", "业务培训", max, Base.FULL, null, new AppliesTo(UnitType.STREET, null, null), List.of(rules), null);
    }

    @Test
    void aGoodDocumentPasses() {
        SchemeDocument doc = new SchemeDocument("beilun-2023", 2023, "考核", null, List.of(item("S1.4", BigDecimal.TEN, quota(2, BigDecimal.ONE))));
        assertThat(SchemeValidator.validate(doc)).isEmpty();
    }

    @Test
    void reportsEveryFaultWithItsPath() {
        SchemeDocument doc = new SchemeDocument("Bad Id", 1999, " ", new BigDecimal("1.5"), List.of(
                item("S1", BigDecimal.TEN, quota(0, BigDecimal.ONE)),
                item("S1", null, quota(2, new BigDecimal("-1")))));
        List<String> fields = SchemeValidator.validate(doc).stream().map(Violation::field).toList();
        assertThat(fields).contains("id", "year", "title", "supervisionWeight", "items[0].rules[0].required",
                "items[1].code", "items[1].max", "items[1].rules[0].perMissing");
    }

    @Test
    void eachRuleKindNeedsItsFields() {
        Rule threshold = new Rule(RuleKind.THRESHOLD, null, null, null, null, null, null, null, null, null, new BigDecimal("101"), null, null, null);
        Rule tieredFlat = new Rule(RuleKind.TIERED_BONUS, FactKind.PROMOTION, null, null, null, null, null, Points.flat(BigDecimal.ONE), null, null, null, null, null, null);
        Rule rejected = new Rule(RuleKind.DONE, FactKind.INFO_REJECTED, null, null, BigDecimal.ONE, null, null, null, null, null, null, null, null, null);
        SchemeDocument doc = new SchemeDocument("s", 2023, "t", null, List.of(item("A", BigDecimal.TEN, threshold, tieredFlat, rejected)));
        List<String> fields = SchemeValidator.validate(doc).stream().map(Violation::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("items[0].rules[0].indicator", "items[0].rules[0].max",
                "items[0].rules[0].deduct", "items[0].rules[1].points", "items[0].rules[2].fact");
    }

    @Test
    void onlyRulesThatCountFactsNameLevelsAndThenAtLeastOne() {
        Rule business = new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null,
                List.of("BUSINESS"));
        Rule none = new Rule(RuleKind.DONE, FactKind.TRAINING, null, null, BigDecimal.ONE, null, null, null, null, null, null, null, null, null,
                List.of());
        Rule perFailure = new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, BigDecimal.ONE, null,
                List.of("BUSINESS"));
        SchemeDocument doc = new SchemeDocument("s", 2023, "t", null, List.of(item("A", BigDecimal.TEN, business, none, perFailure)));
        assertThat(SchemeValidator.validate(doc)).extracting(Violation::field)
                .containsExactlyInAnyOrder("items[0].rules[1].levels", "items[0].rules[2].levels");
    }

    @Test
    void onlyPerFailureRulesDeductOnceOrHaveACap() {
        Rule once = new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, BigDecimal.TEN, null,
                null, true, null);
        Rule capped = new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, BigDecimal.ONE, null,
                null, null, new BigDecimal("-2"));
        Rule quotaOnce = new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.ONE, null, null, null, null, null, null, null, null, null, null,
                null, true, null);
        SchemeDocument doc = new SchemeDocument("s", 2023, "t", null, List.of(item("A", BigDecimal.TEN, once, capped, quotaOnce)));
        assertThat(SchemeValidator.validate(doc)).extracting(Violation::field)
                .containsExactlyInAnyOrder("items[0].rules[1].cap", "items[0].rules[2].once");
    }

    @Test
    void appliesToNeedsExactlyOneForm() {
        SchemeItem both = new SchemeItem("A", "c", "t", BigDecimal.ONE, Base.FULL, null, new AppliesTo(UnitType.STREET, List.of("x"), null), List.of(), null);
        SchemeDocument doc = new SchemeDocument("s", 2023, "t", null, List.of(both));
        assertThat(SchemeValidator.validate(doc)).extracting(Violation::field).containsExactly("items[0].appliesTo");
    }

    @Test
    void aBonusItemNeedsNoMax() {
        SchemeItem bonus = new SchemeItem("B", "创新工作", "加分", null, null, true, AppliesTo.ALL,
                List.of(new Rule(RuleKind.TIERED_BONUS, FactKind.PROMOTION, null, null, null, null, null,
                        Points.perLevel(java.util.Map.of("CITY", BigDecimal.TEN)), null, null, null, null, null, null)), null);
        assertThat(SchemeValidator.validate(new SchemeDocument("s", 2023, "t", null, List.of(bonus)))).isEmpty();
    }
}
