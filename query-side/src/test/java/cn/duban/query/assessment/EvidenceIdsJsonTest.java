package cn.duban.query.assessment;

import cn.duban.kernel.scoring.Contribution;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceIdsJsonTest {
    private final EvidenceIdsJson idsJson = new EvidenceIdsJson();
    private final ObjectMapper plain = PlatformMapper.builder().build();
    private final ObjectMapper withModule = PlatformMapper.builder().modulesToInstall(idsJson).build();

    /** Ids as the fact log holds them: each its own string, made once. */
    private static List<String> ids(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + "-0190a6c2-0000-7000-8000-" + String.format("%012d", i)).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Contribution contribution(List<String> evidence) {
        return new Contribution("QUOTA", new BigDecimal("-0.5"), "业务培训 \"2/3\"", "trainings 2/3", evidence);
    }

    /** Written as the platform writes an answer: UTF-8 bytes to a stream. */
    private String written(ObjectMapper mapper, Object value) throws Exception {
        return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void aLongListIsTheSameTextAndKept() throws Exception {
        Contribution c = contribution(ids("e", 0, 1000));

        assertThat(written(withModule, c)).isEqualTo(plain.writeValueAsString(c)).contains("\\\"2/3\\\"");
        assertThat(idsJson.kept()).isEqualTo(1);
        assertThat(idsJson.writtenAfresh()).isEqualTo(1000);
        assertThat(written(withModule, c)).isEqualTo(plain.writeValueAsString(c));
        assertThat(idsJson.writtenAfresh()).as("the second time, copied").isEqualTo(1000);
    }

    @Test
    void aListBeginningWithTheSameStringsCopiesThemAndWritesOnlyTheRest() throws Exception {
        List<String> current = ids("e", 0, 1000);
        written(withModule, contribution(current));

        Contribution asOf = contribution(List.copyOf(current.subList(0, 600)));
        Contribution later = contribution(concat(current, ids("e", 1000, 1010)));
        Contribution otherTail = contribution(concat(current.subList(0, 990), ids("x", 0, 20)));

        assertThat(written(withModule, asOf)).isEqualTo(plain.writeValueAsString(asOf));
        assertThat(idsJson.writtenAfresh()).isEqualTo(1000);
        assertThat(written(withModule, later)).isEqualTo(plain.writeValueAsString(later));
        assertThat(idsJson.writtenAfresh()).isEqualTo(1010);
        assertThat(idsJson.kept()).as("the longer list replaced the one it extends").isEqualTo(1);
        assertThat(written(withModule, otherTail)).isEqualTo(plain.writeValueAsString(otherTail));
        assertThat(idsJson.writtenAfresh()).isEqualTo(1030);
        assertThat(idsJson.kept()).as("only 20 of 1,010 were new: not kept").isEqualTo(1);
    }

    @Test
    void equalStringsThatAreOtherObjectsAreWrittenAfresh() throws Exception {
        written(withModule, contribution(ids("e", 0, 500)));

        Contribution same = contribution(ids("e", 0, 500));

        assertThat(written(withModule, same)).isEqualTo(plain.writeValueAsString(same));
        assertThat(idsJson.writtenAfresh()).isEqualTo(1000);
    }

    @Test
    void aListThatLeavesTheKeptOneEarlyIsKeptBesideIt() throws Exception {
        List<String> current = ids("e", 0, 1000);
        written(withModule, contribution(current));
        List<String> withoutTheTenth = new ArrayList<>(current);
        withoutTheTenth.remove(10); // a disqualified fact taken out

        Contribution after = contribution(List.copyOf(withoutTheTenth));

        assertThat(written(withModule, after)).isEqualTo(plain.writeValueAsString(after));
        assertThat(idsJson.kept()).isEqualTo(2);
        assertThat(written(withModule, after)).isEqualTo(plain.writeValueAsString(after));
        assertThat(idsJson.writtenAfresh()).isEqualTo(1000 + 989);
    }

    @Test
    void keptBytesAreReusedOnlyUnderTheSameSettings() throws Exception {
        List<String> ids = concat(ids("事件", 0, 300), List.of("a/b"));
        Contribution c = contribution(ids);
        written(withModule, c);

        ObjectWriter asciiOnly = withModule.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
        String escaped = new String(asciiOnly.writeValueAsBytes(c), StandardCharsets.UTF_8);

        assertThat(escaped).isEqualTo(plain.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(c)).contains("\\u4E8B");
        assertThat(written(withModule, c)).isEqualTo(plain.writeValueAsString(c)).contains("事件");
        assertThat(idsJson.kept()).isEqualTo(2);
    }

    @Test
    void shortListsWritersAndPrettyPrintingAreWrittenAsBefore() throws Exception {
        Contribution shortList = contribution(ids("e", 0, EvidenceIdsJson.MIN_IDS - 1));
        Contribution longList = contribution(ids("e", 0, 400));

        assertThat(written(withModule, shortList)).isEqualTo(plain.writeValueAsString(shortList));
        assertThat(withModule.writeValueAsString(longList)).as("through a Writer").isEqualTo(plain.writeValueAsString(longList));
        assertThat(new String(withModule.writerWithDefaultPrettyPrinter().writeValueAsBytes(longList), StandardCharsets.UTF_8))
                .isEqualTo(plain.writerWithDefaultPrettyPrinter().writeValueAsString(longList));
        assertThat(idsJson.kept()).isZero();
    }

    @Test
    void atMostSoManyListsAreKept() throws Exception {
        for (int i = 0; i < EvidenceIdsJson.MAX_LISTS + 5; i++) {
            written(withModule, contribution(ids("u" + i, 0, EvidenceIdsJson.MIN_IDS)));
        }
        Contribution last = contribution(ids("last", 0, EvidenceIdsJson.MIN_IDS));

        assertThat(written(withModule, last)).isEqualTo(plain.writeValueAsString(last));
        assertThat(idsJson.kept()).isEqualTo(EvidenceIdsJson.MAX_LISTS);
    }
}
