package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.supervision.SampleKind;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * An achievement withdrawn as entered in error (撤回), with the reason: from here on it earns no
 * bonus in any scheme. Answers as of an earlier instant still count it, as they did then.
 */
@Revision("1")
public record AchievementWithdrawn(String achievementId, String unitId, String reason) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Disqualification(eventId, recordedAt, SampleKind.ACHIEVEMENT, achievementId(), reason(),
                Fact.Disqualification.Cause.WITHDRAWAL));
    }
}
