package cn.duban.kernel.scheme;

/** Where an item starts: at its maximum (rules deduct) or at zero (rules earn). */
public enum Base {
    FULL,
    ZERO
}
