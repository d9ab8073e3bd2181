package cn.duban.query.assessment;

import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An evidence event found in a held log by its position: each entry, one of several at a position, and nothing for a miss. */
class HeldFactLookupTest {
    @Test
    void everyEntryIsFoundByItsPositionAndNothingElse() {
        List<FactEntry> log = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long position = 2L * i - (i % 3 == 1 ? 2 : 0); // every third entry shares the position before it
            Fact fact = new Fact.Occurrence("e" + i, Instant.EPOCH, FactKind.TRAINING, null, LocalDate.of(2023, 1, 1), Map.of(), null);
            log.add(FactEntry.of(fact, position, "TrainingRecorded", "tester"));
        }
        for (FactEntry entry : log) {
            assertThat(ScoreQueries.at(log, entry.position(), entry.eventId())).contains(entry);
        }
        assertThat(ScoreQueries.at(log, 2, "e0")).as("another position").isEmpty();
        assertThat(ScoreQueries.at(log, 3, "e1")).as("between two").isEmpty();
        assertThat(ScoreQueries.at(log, 5_000, "e999")).as("beyond the last").isEmpty();
        assertThat(ScoreQueries.at(List.of(), 0, "e0")).isEmpty();
    }
}
