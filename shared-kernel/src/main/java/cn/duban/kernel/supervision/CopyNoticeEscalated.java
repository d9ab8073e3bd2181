package cn.duban.kernel.supervision;

import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A 抄告单 not answered by its deadline was escalated to the lead office the day after (督办). To the
 * score it is a {@link FactKind#COPY_NOTICE_ESCALATED} of the addressed unit on the day escalated,
 * which counts against it where a scheme's rule says so ({@code DEDUCT_PER_FACT}).
 */
@Revision("1")
public record CopyNoticeEscalated(String noticeId, String toUnitId, LocalDate dueOn, LocalDate escalatedOn) implements SupervisionEvent, UnitEvent {
    @Override
    public String unitId() {
        return toUnitId;
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.COPY_NOTICE_ESCALATED, null, escalatedOn, Map.of(), noticeId));
    }
}
