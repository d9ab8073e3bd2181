package cn.duban.query.common;

import cn.duban.platform.axon.Audit;
import org.axonframework.eventhandling.EventMessage;

/** Who did what an event records, from its metadata. */
public final class Actors {
    private Actors() {
    }

    public static String of(EventMessage<?> m) {
        Object a = m.getMetaData().get(Audit.ACTOR);
        return a == null ? null : a.toString();
    }
}
