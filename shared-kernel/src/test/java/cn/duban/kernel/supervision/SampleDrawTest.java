package cn.duban.kernel.supervision;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDrawTest {
    static final List<String> POPULATION = IntStream.range(0, 40).mapToObj(i -> "t" + i).toList();

    @Test
    void theSameSeedDrawsTheSameSample() {
        assertThat(SampleDraw.draw(POPULATION, 5, 20230615L)).isEqualTo(SampleDraw.draw(POPULATION, 5, 20230615L));
    }

    @Test
    void theAlgorithmIsFixedSoPastSamplesStayReproducible() {
        // Pinned: a change of algorithm would silently change every recorded sample.
        assertThat(SampleDraw.draw(List.of("a", "b", "c", "d", "e", "f"), 3, 42L)).containsExactly("c", "e", "b");
    }

    @Test
    void anotherSeedDrawsAnotherSampleOfDistinctMembers() {
        List<String> one = SampleDraw.draw(POPULATION, 8, 1L);
        List<String> two = SampleDraw.draw(POPULATION, 8, 2L);
        assertThat(one).isNotEqualTo(two).doesNotHaveDuplicates().hasSize(8);
        assertThat(POPULATION).containsAll(one);
    }

    @Test
    void aSampleLargerThanThePopulationTakesAll() {
        assertThat(SampleDraw.draw(List.of("x", "y"), 5, 7L)).containsExactlyInAnyOrder("x", "y");
        assertThat(SampleDraw.draw(List.of(), 5, 7L)).isEmpty();
    }
}
