package cn.duban.kernel.reporting;

import cn.duban.kernel.material.Material;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Record a training session a unit held, what kind it was, for whom, and the files that prove it (sign-in sheet, photos). */
public record RecordTraining(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours,
                             TrainingKind kind, String audience, List<Material> materials) {
    public RecordTraining {
        kind = kind == null ? TrainingKind.BUSINESS : kind;
        materials = Material.listOf(materials);
    }

    /** A 业务培训 with no files, as every training was recorded before kinds and materials. */
    public RecordTraining(String trainingId, String unitId, LocalDate heldOn, String topic, int attendees, BigDecimal hours) {
        this(trainingId, unitId, heldOn, topic, attendees, hours, TrainingKind.BUSINESS, null, List.of());
    }
}
