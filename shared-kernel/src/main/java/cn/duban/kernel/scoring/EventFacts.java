package cn.duban.kernel.scoring;


import java.time.Instant;
import java.util.Optional;

/** What each unit event means to the scoring engine: each member of the sealed family says it itself. */
public final class EventFacts {
    private EventFacts() {
    }

    public static Optional<Fact> toFact(UnitEvent event, String eventId, Instant recordedAt) {
        return event.fact(eventId, recordedAt);
    }
}
