package cn.duban.kernel.reporting;

import cn.duban.kernel.material.Material;
import cn.duban.kernel.scheme.FactKind;

import java.time.LocalDate;
import java.util.List;

/** Record an achievement of a unit (media publication, leader instruction, promotion), with the files that prove it. */
public record RecordAchievement(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on,
                                List<Material> materials) {
    public RecordAchievement {
        materials = Material.listOf(materials);
    }

    /** An achievement with no files. */
    public RecordAchievement(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on) {
        this(achievementId, unitId, kind, level, title, on, List.of());
    }
}
