package cn.duban.platform.mongo;

import cn.duban.platform.mongo.EmptiestChunksFirst.Space;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmptiestChunksFirstTest {
    private static final long NOW = 100_000;
    private static final long RETENTION = 2_000;
    private static final long NEWEST = 50;

    /** A chunk of {@code length} bytes, {@code live} of them live, seasoned and of an old version. */
    private static Space chunk(long length, long live) {
        return new Space(length, live, 0, 1);
    }

    private static List<String> choose(Map<String, Space> chunks, long budget) {
        return EmptiestChunksFirst.choose(chunks.keySet(), chunks::get, NOW, RETENTION, NEWEST, budget);
    }

    @Test
    void theEmptiestComeFirstUpToTheBudget() {
        Map<String, Space> chunks = Map.of(
                "old and full", new Space(1_000, 900, 0, 1),
                "a fifth live", chunk(1_000, 200),
                "a tenth live", chunk(2_000, 200),
                "half live", chunk(1_000, 500));

        assertThat(choose(chunks, 400)).containsExactly("a tenth live", "a fifth live");
        assertThat(choose(chunks, 900)).containsExactly("a tenth live", "a fifth live", "half live");
    }

    @Test
    void aChunkLargerThanWhatIsLeftIsSkippedForASmallerOne() {
        Map<String, Space> chunks = Map.of(
                "emptiest", chunk(10_000, 300),
                "too much live for the rest", chunk(1_000, 400),
                "small", chunk(200, 100));

        assertThat(choose(chunks, 500)).containsExactly("emptiest", "small");
        assertThat(choose(Map.of("more live than a slice", chunk(10_000, 600)), 500)).isEmpty();
    }

    @Test
    void onlyWhatH2MayRewriteNowIsOffered() {
        Map<String, Space> chunks = Map.of(
                "younger than the retention", new Space(1_000, 100, NOW - RETENTION + 1, 1),
                "just seasoned", new Space(1_000, 100, NOW - RETENTION, 1),
                "the last saved", new Space(1_000, 100, 0, NEWEST),
                "all live", chunk(1_000, 1_000),
                "all dead", chunk(1_000, 0));

        assertThat(choose(chunks, 10_000)).containsExactly("just seasoned");
        assertThat(EmptiestChunksFirst.choose(chunks.keySet(), chunks::get, NOW, -1, NEWEST, 10_000))
                .as("no retention: any age").containsExactlyInAnyOrder("just seasoned", "younger than the retention");
    }
}
