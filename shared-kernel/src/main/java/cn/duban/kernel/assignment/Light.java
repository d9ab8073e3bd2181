package cn.duban.kernel.assignment;

/**
 * 三色督办: the supervision light of an assignment for one unit. RED: past its deadline and not
 * closed; YELLOW: a reporting period passed without a report; BLUE: the deadline is near; GREEN:
 * on track; NONE: closed (completed or cancelled).
 */
public enum Light {
    GREEN,
    BLUE,
    YELLOW,
    RED,
    NONE
}
