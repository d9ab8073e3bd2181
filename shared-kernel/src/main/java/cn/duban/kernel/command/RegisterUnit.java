package cn.duban.kernel.command;

import cn.duban.kernel.unit.UnitType;

/** Register a unit for assessment. */
public record RegisterUnit(String unitId, String name, UnitType type) {}
