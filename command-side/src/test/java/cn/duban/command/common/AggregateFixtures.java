package cn.duban.command.common;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.scheme.AppliesTo;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.unit.UnitType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * What the aggregates' given-when-then tests share: two registered 街道 (xinqi, daqi), one scheme with a
 * PER_FAILURE item, a discretionary one and one for departments only, one inspection finding, and fixtures with them injected.
 */
public final class AggregateFixtures {
    private AggregateFixtures() {
    }
    public static final LocalDate ON = LocalDate.of(2023, 4, 1);

    /** One registered unit (xinqi) and one scheme with a PER_FAILURE item and a discretionary one. */
    public static final References REFERENCES = new References() {
        /** The end of the tests' year: every fact dated in 2023 has happened. */
        @Override
        public LocalDate today() {
            return LocalDate.of(2023, 12, 31);
        }

        final SchemeDocument scheme = new SchemeDocument("beilun-2023", 2023, "考核", null, List.of(
                new SchemeItem("S1.1", "基础工作", "季度计划", BigDecimal.valueOf(6), Base.FULL, null, AppliesTo.ALL,
                        List.of(new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, BigDecimal.ONE, null)), null),
                new SchemeItem("S2.3", "管理工作", "企业主体责任", BigDecimal.valueOf(6), Base.FULL, null, AppliesTo.ALL,
                        List.of(new Rule(RuleKind.DISCRETIONARY, null, null, null, null, null, null, null, null, null, null, null, null, null)), null),
                // Departments' only: xinqi and daqi, both 街道, are not assessed on it.
                new SchemeItem("D1.1", "部门职责", "部门配合", BigDecimal.valueOf(4), Base.FULL, null, new AppliesTo(cn.duban.kernel.unit.UnitType.DEPARTMENT, null, null),
                        List.of(new Rule(RuleKind.DISCRETIONARY, null, null, null, null, null, null, null, null, null, null, null, null, null)), null)));

        @Override
        public cn.duban.kernel.unit.UnitType requireUnit(String unitId) {
            if (!unitId.equals("xinqi") && !unitId.equals("daqi")) {
                throw new NotFoundException("unit not found: " + unitId);
            }
            return cn.duban.kernel.unit.UnitType.STREET;
        }

        @Override
        public List<SchemeItem> requireItemsOf(String schemeId) {
            if (!schemeId.equals(scheme.id())) {
                throw new NotFoundException("scheme not found: " + schemeId);
            }
            return scheme.items();
        }

        @Override
        public SchemeItem requireItem(String schemeId, String itemCode) {
            if (!schemeId.equals(scheme.id())) {
                throw new NotFoundException("scheme not found: " + schemeId);
            }
            return scheme.item(itemCode).orElseThrow(() -> new InvalidInputException("itemCode", "no item " + itemCode));
        }

        /** Round "r1" has a finding, "f1", on xinqi's item S1.1, and a 互查 finding "f2" on daqi awaiting confirmation. */
        @Override
        public FindingRef requireFinding(String roundId, String findingId) {
            if (roundId.equals("r1") && findingId.equals("f2")) {
                return new FindingRef("r1", "f2", "daqi", "S1.1", "互查：台账不全", false);
            }
            if (!roundId.equals("r1") || !findingId.equals("f1")) {
                throw new NotFoundException("finding not found: " + findingId);
            }
            return new FindingRef("r1", "f1", "xinqi", "S1.1", "季度计划未按时报送", true);
        }

        @Override
        public String unitOf(cn.duban.kernel.assignment.FactLink link) {
            throw new NotFoundException("linked record not found: " + link.id());
        }

        /** Every file "uploaded" for xinqi: a PDF named after its hash. */
        @Override
        public List<cn.duban.kernel.material.Material> requireMaterials(String unitId, List<String> sha256s) {
            if (!unitId.equals("xinqi") && !sha256s.isEmpty()) {
                throw new InvalidInputException("materials[0]", "not uploaded for " + unitId);
            }
            return sha256s.stream().map(h -> new cn.duban.kernel.material.Material(h, h.substring(0, 6) + ".pdf", "application/pdf", 1)).toList();
        }
    };

    public static <T> FixtureConfiguration<T> fixture(Class<T> type) {
        FixtureConfiguration<T> f = new AggregateTestFixture<>(type);
        f.registerInjectableResource(REFERENCES);
        return f;
    }
    public static final LocalDate MARCH = LocalDate.of(2023, 3, 10);

    public static SchemeDocument doc(int year, String title) {
        Rule quota = new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.valueOf(2), null, null, null, null, null, null, null, null, null, null);
        return new SchemeDocument("beilun-2023", year, title, new BigDecimal("0.3"), List.of(
                new SchemeItem("S1.4", "基础工作", "业务培训", BigDecimal.valueOf(6), Base.FULL, null,
                        new AppliesTo(UnitType.STREET, null, null), List.of(quota), "业务培训1年2次以上")));
    }
}
