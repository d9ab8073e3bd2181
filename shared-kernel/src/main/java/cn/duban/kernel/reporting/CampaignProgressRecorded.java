package cn.duban.kernel.reporting;

import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.material.Material;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Revision;

/** Progress of a campaign: a quantity of one measure (communities rectified, shops closed …), with the files that prove it. */
@Revision("1")
public record CampaignProgressRecorded(String campaignId, String unitId, String kind, String measure, BigDecimal quantity, LocalDate on,
                                       List<Material> materials) implements ReportingEvent, UnitEvent {
    public CampaignProgressRecorded {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** Progress with no files, as all progress was recorded before materials. */
    public CampaignProgressRecorded(String campaignId, String unitId, String kind, String measure, BigDecimal quantity, LocalDate on) {
        this(campaignId, unitId, kind, measure, quantity, on, List.of());
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Occurrence(eventId, recordedAt, FactKind.CAMPAIGN_PROGRESS, kind(), on(), Map.of(measure(), quantity()), campaignId()));
    }
}
