package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.supervision.SampleKind;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * A step of a campaign's progress withdrawn as recorded in error (撤回), with the reason. A step is a
 * record by the event that recorded it ({@code progressEventId}, as sampling names it): from here on
 * its quantity counts toward no measure.
 */
@Revision("1")
public record CampaignProgressWithdrawn(String campaignId, String unitId, String progressEventId, String reason)
        implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Disqualification(eventId, recordedAt, SampleKind.CAMPAIGN_PROGRESS, progressEventId(), reason(),
                Fact.Disqualification.Cause.WITHDRAWAL));
    }
}
