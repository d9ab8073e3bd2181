package cn.duban.kernel.scheme;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.scheme.FactKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels an achievement can have, by kind, as the seeds' bonus items list them: a publication in
 * 市、省、国家 media (S B1), a promotion at 区、市、省、国家 level (D B1, seed 000), an instruction of a
 * 区主要领导、市、省、中央 leader. A bonus rule may only name these, and a unit may only report these,
 * so every achievement recorded is one some rule can count.
 */
public final class AchievementLevels {
    private static final Map<String, String> ZH = new LinkedHashMap<>();

    static {
        ZH.put("DISTRICT", "区级");
        ZH.put("CITY", "市级");
        ZH.put("PROVINCE", "省级");
        ZH.put("NATIONAL", "国家级");
        ZH.put("CENTRAL", "中央");
    }

    private AchievementLevels() {
    }

    public static List<String> of(FactKind kind) {
        return switch (kind) {
            case MEDIA_PUBLICATION -> List.of("DISTRICT", "CITY", "PROVINCE", "NATIONAL");
            case PROMOTION -> List.of("DISTRICT", "CITY", "PROVINCE", "NATIONAL");
            case LEADER_INSTRUCTION -> List.of("DISTRICT", "CITY", "PROVINCE", "CENTRAL");
            default -> List.of();
        };
    }

    /** "市级" for CITY; the key itself for one not known. */
    public static String zh(String level) {
        return ZH.getOrDefault(level, level);
    }

    /** @throws InvalidInputException (field {@code level}) when the kind has no such level */
    public static void require(FactKind kind, String level) {
        List<String> allowed = of(kind);
        if (!allowed.contains(level)) {
            throw new InvalidInputException("level", "级别须为 " + String.join("、", allowed.stream().map(AchievementLevels::zh).toList())
                    + " 之一 / must be one of " + String.join(", ", allowed));
        }
    }
}
