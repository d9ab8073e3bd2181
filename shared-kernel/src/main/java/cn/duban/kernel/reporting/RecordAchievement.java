package cn.duban.kernel.reporting;

import cn.duban.kernel.scheme.FactKind;
import java.time.LocalDate;

/** Record an achievement of a unit (media publication, leader instruction, promotion). */
public record RecordAchievement(String achievementId, String unitId, FactKind kind, String level, String title, LocalDate on) {}
