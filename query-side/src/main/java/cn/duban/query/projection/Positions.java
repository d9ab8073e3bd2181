package cn.duban.query.projection;

import org.axonframework.eventhandling.TrackingToken;

/** The global event-store position of the event being handled. */
final class Positions {
    private Positions() {
    }

    static long of(TrackingToken token) {
        if (token == null) {
            throw new IllegalStateException("Projections run in streaming processors; a tracking token is required");
        }
        return token.position().orElseThrow(() -> new IllegalStateException("Token without a position: " + token));
    }
}
