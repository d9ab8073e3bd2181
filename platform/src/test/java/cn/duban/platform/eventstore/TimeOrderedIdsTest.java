package cn.duban.platform.eventstore;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void idsMadeOneAfterAnotherSortAsTheyWereMadeAndNeverRepeat() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> made = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                made.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 50_000; i++) {
                        ids.add(TimeOrderedIds.next());
                    }
                    return ids;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> f : made) {
                List<String> ids = f.get();
                for (int i = 1; i < ids.size(); i++) {
                    assertThat(ids.get(i)).as("id %d of a thread", i).isGreaterThan(ids.get(i - 1));
                }
                all.addAll(ids);
            }
            assertThat(all).hasSize(200_000);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void axonsMessagesTakeTheirIdsFromHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        String first = GenericEventMessage.asEventMessage("a").getIdentifier();
        String second = GenericEventMessage.asEventMessage("b").getIdentifier();
        assertThat(UUID.fromString(first).version()).isEqualTo(7);
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void anIdIsAVersion7UuidOfTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(TimeOrderedIds.next());
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        // The first 48 bits: milliseconds since 1970 (a counter past 4,095 in a millisecond may carry a little ahead).
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after + 1_000);
    }
}
