package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** A rectification campaign (专项整治) launched by a unit. */
@Revision("1")
public record CampaignLaunched(String campaignId, String unitId, String kind, String title, LocalDate launchedOn) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_LAUNCHED, kind(), launchedOn(), Map.of(), campaignId()));
    }
}
