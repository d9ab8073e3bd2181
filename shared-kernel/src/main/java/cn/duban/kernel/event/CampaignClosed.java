package cn.duban.kernel.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A campaign closed; no more progress is recorded on it. */
@Revision("1")
public record CampaignClosed(String campaignId, String unitId, String kind, LocalDate on, String summary) implements UnitEvent {
}
