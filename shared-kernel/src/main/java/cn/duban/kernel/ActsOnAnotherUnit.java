package cn.duban.kernel;

/**
 * A command whose {@code unitId} names the unit acted upon — the unit inspected in a 互查 round —
 * not the unit its sender acts for. The dispatcher's own-unit check does not apply; the command's
 * aggregate decides who may send it.
 */
public interface ActsOnAnotherUnit {
}
