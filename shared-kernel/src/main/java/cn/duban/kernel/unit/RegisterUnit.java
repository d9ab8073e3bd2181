package cn.duban.kernel.unit;


/** Register a unit for assessment. */
public record RegisterUnit(String unitId, String name, UnitType type) {}
