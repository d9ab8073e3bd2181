package cn.duban.kernel.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies of {@link SharedList} and {@link SharedSet} behave as independent collections, on one thread and across threads. */
class SharedCollectionsTest {

    /** Random appends, removals and copies on many copies at once behave as on separate array lists. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void copiesOfAListAreIndependent(long seed) {
        Random random = new Random(seed);
        List<SharedList<Integer>> lists = new ArrayList<>(List.of(new SharedList<>()));
        List<List<Integer>> expected = new ArrayList<>(List.of(new ArrayList<>()));
        for (int step = 0; step < 20_000; step++) {
            int k = random.nextInt(lists.size());
            int what = random.nextInt(100);
            if (what < 2 && lists.size() < 40) {
                lists.add(lists.get(k).copy());
                expected.add(new ArrayList<>(expected.get(k)));
            } else if (what < 4 && !expected.get(k).isEmpty()) {
                int at = random.nextInt(expected.get(k).size());
                assertThat(lists.get(k).remove(at)).isEqualTo(expected.get(k).remove(at));
            } else {
                // Mostly the first list, as a ledger's live list, but copies append too, past the tail limit.
                int target = random.nextInt(3) == 0 ? k : 0;
                lists.get(target).add(step);
                expected.get(target).add(step);
            }
        }
        for (int k = 0; k < lists.size(); k++) {
            assertThat(lists.get(k)).as("copy %d", k).containsExactlyElementsOf(expected.get(k));
            assertThat(lists.get(k).toArray()).isEqualTo(expected.get(k).toArray());
        }
        assertThat(expected.stream().mapToInt(List::size).max().orElseThrow()).isGreaterThan(SharedList.MAX_TAIL);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void copiesOfASetAreIndependent(long seed) {
        Random random = new Random(seed);
        List<SharedSet> sets = new ArrayList<>(List.of(new SharedSet()));
        List<Set<String>> expected = new ArrayList<>(List.of(new HashSet<>()));
        for (int step = 0; step < 20_000; step++) {
            int k = random.nextInt(sets.size());
            if (random.nextInt(50) == 0 && sets.size() < 40) {
                sets.add(sets.get(k).copy());
                expected.add(new HashSet<>(expected.get(k)));
                continue;
            }
            int target = random.nextInt(3) == 0 ? k : 0;
            String element = "r" + random.nextInt(8_000);
            assertThat(sets.get(target).add(element)).as("add %s to %d", element, target).isEqualTo(expected.get(target).add(element));
        }
        for (int k = 0; k < sets.size(); k++) {
            for (int e = 0; e < 8_000; e++) {
                assertThat(sets.get(k).contains("r" + e)).isEqualTo(expected.get(k).contains("r" + e));
            }
        }
    }

    /**
     * One thread appends to a list and hands copies to others, as a ledger hands checkpoints to
     * readers; they read them and append to copies of them while the first goes on appending.
     */
    @Test
    void copiesHandedToOtherThreadsStayAsTheyWereTaken() throws Exception {
        int total = 200_000;
        BlockingQueue<Object[]> handed = new ArrayBlockingQueue<>(total / 1000);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                checked.add(readers.submit(() -> {
                    int seen = 0;
                    while (true) {
                        Object[] next = handed.poll(10, TimeUnit.SECONDS);
                        if (next == null || next.length == 0) {
                            return seen;
                        }
                        @SuppressWarnings("unchecked")
                        SharedList<Integer> list = ((SharedList<Integer>) next[0]).copy();
                        SharedSet set = ((SharedSet) next[1]).copy();
                        int size = list.size();
                        for (int i = 0; i < 50; i++) {
                            list.add(-i);
                            set.add("mine" + i);
                        }
                        for (int i = 0; i < size; i++) {
                            if (list.get(i) != i || !set.contains("e" + i)) {
                                throw new AssertionError("element " + i + " of a copy of " + size);
                            }
                        }
                        if (set.contains("e" + size) || list.get(size) != 0) {
                            throw new AssertionError("a copy of " + size + " sees a later element");
                        }
                        seen++;
                    }
                }));
            }
            SharedList<Integer> live = new SharedList<>();
            SharedSet liveSet = new SharedSet();
            for (int i = 0; i < total; i++) {
                live.add(i);
                liveSet.add("e" + i);
                if (i % 1000 == 999) {
                    handed.put(new Object[]{live.copy(), liveSet.copy()});
                }
            }
            for (int r = 0; r < 3; r++) {
                handed.put(new Object[0]);
            }
            int seen = 0;
            for (Future<Integer> f : checked) {
                seen += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(seen).isEqualTo(total / 1000);
            for (int i = 0; i < total; i++) {
                assertThat(live.get(i)).isEqualTo(i);
            }
            assertThat(liveSet.contains("mine0")).isFalse();
            assertThat(live).hasSize(total);
        } finally {
            readers.shutdownNow();
        }
    }
}
