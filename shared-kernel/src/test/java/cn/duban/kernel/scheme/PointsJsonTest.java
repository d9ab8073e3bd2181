package cn.duban.kernel.scheme;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PointsJsonTest {
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsNumbersAndNumericStringsAlike() throws Exception {
        Points fromNumbers = mapper.readValue("{\"GENERAL\":0.5,\"TYPICAL\":1}", Points.class);
        Points fromStrings = mapper.readValue("{\"GENERAL\":\"0.5\",\"TYPICAL\":\"1\"}", Points.class);
        assertThat(fromStrings).isEqualTo(fromNumbers);
        assertThat(fromStrings.forLevel("TYPICAL")).isEqualByComparingTo("1");
        assertThat(mapper.readValue("\"2\"", Points.class).flatValue()).isEqualByComparingTo("2");
        assertThat(mapper.readValue("2", Points.class).forLevel("ANY")).isEqualByComparingTo("2");
    }

    @Test
    void aBadLevelValueIsCaughtByTheValidator() throws Exception {
        Points p = mapper.readValue("{\"GENERAL\":\"x\"}", Points.class);
        assertThat(p.levels().get("GENERAL")).isNull();
        Rule rule = new Rule(RuleKind.PER_ITEM, FactKind.INFO_ACCEPTED, null, null, null, null, null, p, null, null, null, null, null, null);
        SchemeDocument doc = new SchemeDocument("s", 2023, "t", null, java.util.List.of(
                new SchemeItem("A", "c", "t", BigDecimal.TEN, Base.ZERO, null, AppliesTo.ALL, java.util.List.of(rule), null)));
        assertThat(SchemeValidator.validate(doc)).extracting(cn.duban.kernel.error.Violation::field)
                .containsExactly("items[0].rules[0].points.GENERAL");
    }
}
