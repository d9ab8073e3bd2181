package cn.duban.kernel.scheme;

import cn.duban.kernel.scheme.beilun.Beilun2022;
import cn.duban.kernel.scheme.beilun.Beilun2023;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheme read back (as {@code GET /api/schemes/{id}} writes it) is a document the platform takes
 * again: a lead office edits the one it has and sends it as the next version, or tries it (试算).
 * Jackson once wrote {@code "uncapped": false} into every rule, from a boolean getter, and the
 * validator refused every rule of the document sent back.
 */
class SchemeDocumentJsonTest {
    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    static Stream<SchemeDocument> builtIn() {
        return Stream.of(Beilun2023.scheme(), Beilun2022.scheme());
    }

    @ParameterizedTest
    @MethodSource("builtIn")
    void aSchemeWrittenAndReadBackIsTheSameValidDocument(SchemeDocument scheme) throws Exception {
        String json = mapper.writeValueAsString(scheme);
        JsonNode tree = mapper.readTree(json);
        for (int i = 0; i < scheme.items().size(); i++) {
            for (int r = 0; r < scheme.items().get(i).rulesOrEmpty().size(); r++) {
                assertThat(tree.get("items").get(i).get("rules").get(r).has("uncapped")).as(scheme.items().get(i).code() + " writes only what it was given")
                        .isEqualTo(scheme.items().get(i).rules().get(r).uncapped() != null);
            }
        }
        SchemeDocument back = mapper.readValue(json, SchemeDocument.class);
        assertThat(back).isEqualTo(scheme);
        assertThat(SchemeValidator.validate(back)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void uncappedFalseSaysNothingButTrueIsForPerItemOnly() {
        Rule quotaFalse = new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.ONE, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false);
        Rule quotaTrue = new Rule(RuleKind.QUOTA, FactKind.TRAINING, 2, BigDecimal.ONE, null, null, null, null, null, null, null, null, null,
                null, null, null, null, true);
        Rule perItemTrue = new Rule(RuleKind.PER_ITEM, FactKind.INFO_ACCEPTED, null, null, null, null, null, Points.flat(BigDecimal.ONE), null,
                null, null, null, null, null, null, null, null, true);
        SchemeDocument doc = new SchemeDocument("s", 2023, "t", null, List.of(
                new SchemeItem("A", "c", "t", BigDecimal.TEN, Base.FULL, null, AppliesTo.ALL, List.of(quotaFalse, quotaTrue), null),
                new SchemeItem("B", "c", "t", BigDecimal.TEN, Base.ZERO, true, AppliesTo.ALL, List.of(perItemTrue), null)));
        assertThat(SchemeValidator.validate(doc)).extracting(cn.duban.kernel.error.Violation::field).containsExactly("items[0].rules[1].uncapped");
    }
}
