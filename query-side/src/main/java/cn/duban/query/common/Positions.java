package cn.duban.query.common;

import org.axonframework.eventhandling.TrackingToken;

/** The global event-store position of the event being handled. */
public final class Positions {
    private Positions() {
    }

    public static long of(TrackingToken token) {
        if (token == null) {
            throw new IllegalStateException("Projections run in streaming processors; a tracking token is required");
        }
        return token.position().orElseThrow(() -> new IllegalStateException("Token without a position: " + token));
    }
}
