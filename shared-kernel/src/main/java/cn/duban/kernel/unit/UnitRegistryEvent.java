package cn.duban.kernel.unit;

/**
 * Events of the register of assessed units (部门 and 街道).
 * Sealed, so a {@code switch} over the family is checked by the compiler.
 */
public sealed interface UnitRegistryEvent permits UnitRegistered, UnitRetired, UnitRenamed {
}
