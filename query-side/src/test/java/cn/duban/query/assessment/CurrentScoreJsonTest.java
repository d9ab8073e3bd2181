package cn.duban.query.assessment;

import cn.duban.kernel.scoring.Contribution;
import cn.duban.kernel.scoring.ItemScore;
import cn.duban.kernel.scoring.ScoreCard;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentScoreJsonTest {
    private final CurrentScoreJson currentJson = new CurrentScoreJson();
    private final ObjectMapper plain = PlatformMapper.builder().build();
    private final ObjectMapper withModule = PlatformMapper.builder().modulesToInstall(currentJson).build();

    private static ItemScore item(String code, int evidence) {
        List<String> ids = IntStream.range(0, evidence).mapToObj(i -> "0190a6c2-0000-7000-8000-" + String.format("%012d", i)).toList();
        return new ItemScore(code, "业务工作", "信息报送 \"要情\"", new BigDecimal("1E+1"), false, BigDecimal.ZERO,
                new BigDecimal("2.50"), new BigDecimal("2.5"), null, null, null,
                List.of(new Contribution("RULE", new BigDecimal("0.5"), "每篇加0.5分", "0.5 per report", ids)), List.of());
    }

    private static ScoreCard card(List<ItemScore> items, Instant asOf) {
        return new ScoreCard("gafj", "beilun-2023", 2, asOf, new BigDecimal("2.5"), new BigDecimal("2.5"), BigDecimal.ZERO, items);
    }

    @Test
    void aCurrentAnswerIsTheSameTextWrittenAgainAndFromWhatWasKept() throws Exception {
        List<ItemScore> items = List.of(item("1.1", 3), item("1.2", 0));
        ScoreCard first = currentJson.reuse(card(items, Instant.parse("2023-06-01T00:00:00Z")));
        ScoreCard later = currentJson.reuse(card(items, Instant.parse("2023-06-02T08:30:00.123Z")));

        String firstJson = new String(withModule.writeValueAsBytes(first), StandardCharsets.UTF_8);
        assertThat(currentJson.kept()).isEqualTo(1);
        String laterJson = new String(withModule.writeValueAsBytes(later), StandardCharsets.UTF_8);

        assertThat(firstJson).isEqualTo(plain.writeValueAsString(first)).contains("\"max\":10,").contains("\\\"要情\\\"");
        assertThat(laterJson).isEqualTo(plain.writeValueAsString(later)).contains("2023-06-02T08:30:00.123Z");
        assertThat(withModule.writeValueAsString(later)).as("through a Writer, not a UTF-8 stream").isEqualTo(laterJson);
    }

    @Test
    void whatWasKeptIsWhatIsWrittenWhileTheListIsTheSame() throws Exception {
        List<ItemScore> items = new ArrayList<>(List.of(item("1.1", 2)));
        ScoreCard card = currentJson.reuse(card(items, Instant.EPOCH));
        String kept = withModule.writeValueAsString(card);

        items.add(item("1.2", 1)); // the ledgers never change a list they handed out; this one shows the text comes from what was kept

        assertThat(withModule.writeValueAsString(card)).isEqualTo(kept).doesNotContain("\"1.2\"");
    }

    @Test
    void whatIsKeptIsWrittenWithTheAnswersOwnGeneratorFeatures() throws Exception {
        ObjectMapper featureByWriter = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .modulesToInstall(currentJson).build();
        ScoreCard card = currentJson.reuse(card(List.of(item("1.1", 1)), Instant.EPOCH));

        String json = featureByWriter.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValueAsString(card);

        assertThat(currentJson.kept()).isEqualTo(1);
        assertThat(json).contains("\"max\":10,").doesNotContain("1E+1");
    }

    @Test
    void answersNotNamedCurrentAreWrittenEveryTimeAndNotKept() throws Exception {
        ScoreCard asOf = card(List.of(item("1.1", 5)), Instant.EPOCH);

        assertThat(withModule.writeValueAsString(asOf)).isEqualTo(plain.writeValueAsString(asOf));
        assertThat(currentJson.kept()).isZero();
    }

    @Test
    void aNewListAfterAFactIsWrittenAfresh() throws Exception {
        ScoreCard before = currentJson.reuse(card(List.of(item("1.1", 2)), Instant.EPOCH));
        withModule.writeValueAsString(before);

        ScoreCard after = currentJson.reuse(card(List.of(item("1.1", 3)), Instant.EPOCH));

        assertThat(withModule.writeValueAsString(after)).isEqualTo(plain.writeValueAsString(after));
        assertThat(withModule.writeValueAsString(before)).isEqualTo(plain.writeValueAsString(before));
    }

    @Test
    void atMostSoManyListsAreKept() throws Exception {
        List<ScoreCard> cards = new ArrayList<>(); // held, so that none is forgotten with its list
        for (int i = 0; i < CurrentScoreJson.MAX_LISTS + 10; i++) {
            ScoreCard c = currentJson.reuse(card(List.of(item("1." + i, 1)), Instant.EPOCH));
            cards.add(c);
            withModule.writeValueAsString(c);
        }

        assertThat(currentJson.kept()).isEqualTo(CurrentScoreJson.MAX_LISTS);
        ScoreCard last = cards.get(cards.size() - 1);
        assertThat(withModule.writeValueAsString(last)).isEqualTo(plain.writeValueAsString(last));
    }
}
