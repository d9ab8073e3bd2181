package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A campaign closed; no more progress is recorded on it. */
@Revision("1")
public record CampaignClosed(String campaignId, String unitId, String kind, LocalDate on, String summary) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_CLOSED, kind(), on(), Map.of(), campaignId()));
    }
}
