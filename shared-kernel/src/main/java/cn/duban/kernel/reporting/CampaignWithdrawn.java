package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.supervision.SampleKind;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/**
 * A whole campaign withdrawn as entered in error (撤回), with the reason: from here on neither its
 * launch nor any of its steps nor its closing counts for any scheme. Answers as of an earlier instant
 * still count them, as they did then.
 */
@Revision("1")
public record CampaignWithdrawn(String campaignId, String unitId, String reason) implements ReportingEvent, UnitEvent {
    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Disqualification(eventId, recordedAt, SampleKind.CAMPAIGN, campaignId(), reason(),
                Fact.Disqualification.Cause.WITHDRAWAL));
    }
}
