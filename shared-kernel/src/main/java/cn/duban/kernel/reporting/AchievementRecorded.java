package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** An achievement counted by bonus items: a media publication, a leader instruction, a promotion. */
@Revision("1")
public record AchievementRecorded(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, kind(), level(), on(), Map.of(), achievementId()));
    }
}
