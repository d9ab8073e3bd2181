package cn.duban.kernel.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The random draw of a sample, reproducible from what the {@code SampleDrawn} event records: the
 * population in its recorded order, the size and the seed.
 *
 * <p>The algorithm is fixed so that anyone can redo a draw, with any tool, and get the same
 * records: a partial Fisher–Yates shuffle driven by {@link Random} (whose linear congruential
 * generator is specified by the Java platform), i.e. for {@code i = 0 … size−1}, swap element
 * {@code i} with element {@code i + nextInt(n − i)}; the sample is the first {@code size}
 * elements. Changing it would change past samples: never do.
 */
public final class SampleDraw {
    private SampleDraw() {
    }

    public static List<String> draw(List<String> population, int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0");
        }
        List<String> pool = new ArrayList<>(population);
        int n = pool.size();
        int k = Math.min(size, n);
        Random random = new Random(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            String swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return List.copyOf(pool.subList(0, k));
    }
}
