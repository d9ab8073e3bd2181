package cn.duban.kernel.event;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A rectification campaign (专项整治) launched by a unit. */
@Revision("1")
public record CampaignLaunched(String campaignId, String unitId, String kind, String title, LocalDate launchedOn) implements UnitEvent {
}
