package cn.duban.command.common;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** {@link EventPositions} from the event store's own index of recording times. */
@Component
public class StoreEventPositions implements EventPositions {
    private final SequencedMongoEventStorageEngine engine;

    public StoreEventPositions(SequencedMongoEventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public long positionAt(Instant instant) {
        // The token before the first commit recorded after the instant (recording times are kept to the millisecond).
        TrackingToken token = engine.createTokenAtRecordingTime(instant.plusMillis(1));
        return token == null ? -1 : token.position().orElse(-1);
    }
}
