package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Progress of a campaign: a quantity of one measure (communities rectified, shops closed …). */
@Revision("1")
public record CampaignProgressRecorded(String campaignId, String unitId, String kind, String measure, BigDecimal quantity, LocalDate on) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_PROGRESS, kind(), on(), Map.of(measure(), quantity()), campaignId()));
    }
}
