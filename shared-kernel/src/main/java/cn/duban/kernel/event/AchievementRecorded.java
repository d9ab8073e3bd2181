package cn.duban.kernel.event;

import cn.duban.kernel.scheme.FactKind;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An achievement counted by bonus items: a media publication, a leader instruction, a promotion. */
@Revision("1")
public record AchievementRecorded(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on) implements UnitEvent {
}
