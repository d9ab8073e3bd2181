package cn.duban.kernel.scheme;

import cn.duban.kernel.unit.UnitType;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which units an item scores: every unit of a type, a list of named units, or all units.
 * Exactly one form is set in a valid document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppliesTo(UnitType unitType, List<String> units, Boolean all) {

    public static final AppliesTo ALL = new AppliesTo(null, null, true);

    public boolean matches(String unitId, UnitType type) {
        if (Boolean.TRUE.equals(all)) {
            return true;
        }
        if (unitType != null) {
            return unitType == type;
        }
        return units != null && units.contains(unitId);
    }
}
