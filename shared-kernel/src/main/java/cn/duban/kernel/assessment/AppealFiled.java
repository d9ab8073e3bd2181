package cn.duban.kernel.assessment;

import cn.duban.kernel.material.Material;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A unit appealed (申诉) its score on one item, with the files that support it. Events stored before files existed read with none. */
@Revision("1")
public record AppealFiled(String appealId, String unitId, String schemeId, String itemCode, String reason,
                          List<Material> materials) implements AssessmentEvent, UnitEvent {
    public AppealFiled {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** An appeal with no files. */
    public AppealFiled(String appealId, String unitId, String schemeId, String itemCode, String reason) {
        this(appealId, unitId, schemeId, itemCode, reason, List.of());
    }

    @Override
    public Optional<Fact> fact(String eventId, Instant recordedAt) {
        return Optional.of(new Fact.Appeal(eventId, recordedAt, appealId(), schemeId(), itemCode(), "FILED", null, reason()));
    }
}
