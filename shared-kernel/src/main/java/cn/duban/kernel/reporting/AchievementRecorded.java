package cn.duban.kernel.reporting;

import cn.duban.kernel.material.Material;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An achievement counted by bonus items: a media publication, a leader instruction, a promotion,
 * with the files that prove it (the article, the instruction). Events stored before files existed
 * read with none.
 */
@Revision("1")
public record AchievementRecorded(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on,
                                  List<Material> materials) implements ReportingEvent, UnitEvent {
    public AchievementRecorded {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** An achievement with no files. */
    public AchievementRecorded(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on) {
        this(achievementId, unitId, kind, level, title, on, List.of());
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, kind(), level(), on(), Map.of(), achievementId()));
    }
}
