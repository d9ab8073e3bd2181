package cn.duban.kernel.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Progress of a campaign: a quantity of one measure (communities rectified, shops closed …). */
@Revision("1")
public record CampaignProgressRecorded(String campaignId, String unitId, String kind, String measure, BigDecimal quantity, LocalDate on) implements UnitEvent {
}
