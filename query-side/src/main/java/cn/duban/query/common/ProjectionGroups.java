package cn.duban.query.common;

/**
 * All read models are fed by one tracking processor, so every handler of an event sees the read
 * models as they stood after all earlier events (the score projection reads units and schemes).
 */
public final class ProjectionGroups {
    public static final String PROJECTIONS = "projections";

    private ProjectionGroups() {
    }
}
