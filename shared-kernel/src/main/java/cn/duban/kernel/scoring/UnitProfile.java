package cn.duban.kernel.scoring;

import cn.duban.kernel.unit.UnitType;

/** The scoring unit: its id and type decide which items of a scheme apply to it. */
public record UnitProfile(String id, UnitType type) {
}
