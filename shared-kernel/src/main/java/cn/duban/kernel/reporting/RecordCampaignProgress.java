package cn.duban.kernel.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record progress on an open campaign. */
public record RecordCampaignProgress(@TargetAggregateIdentifier String campaignId, String measure, BigDecimal quantity, LocalDate on,
                                     List<String> materials) {
    public RecordCampaignProgress {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** Progress with no files (台账资料 not attached). */
    public RecordCampaignProgress(String campaignId, String measure, BigDecimal quantity, LocalDate on) {
        this(campaignId, measure, quantity, on, List.of());
    }
}
