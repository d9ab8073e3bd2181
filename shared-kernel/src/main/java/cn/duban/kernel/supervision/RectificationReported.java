package cn.duban.kernel.supervision;

import cn.duban.kernel.material.Material;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The unit's report of its rectification. */
@Revision("1")
public record RectificationReported(String rectificationId, String unitId, String text, List<String> evidence, LocalDate reportedOn,
                                    List<Material> materials) implements SupervisionEvent {
    public RectificationReported {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A report with no files, as all were before materials. */
    public RectificationReported(String rectificationId, String unitId, String text, List<String> evidence, LocalDate reportedOn) {
        this(rectificationId, unitId, text, evidence, reportedOn, List.of());
    }

}
