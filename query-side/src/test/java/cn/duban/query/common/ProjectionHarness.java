package cn.duban.query.common;

import cn.duban.platform.eventstore.RecordingTime;
import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds events straight into a projection, as its tracking processor would (a position per event,
 * the recording time in the metadata, the actor), on the embedded database: a projection tested on
 * its own, without HTTP or a running platform.
 */
public final class ProjectionHarness implements AutoCloseable {
    final EmbeddedMongo mongo;
    final MongoClient client;
    public final MongoDatabase db;
    public Instant clock = Instant.parse("2023-03-01T02:00:00Z");
    private long position = -1;
    private final List<TrackedEventMessage<?>> delivered = new ArrayList<>();

    public ProjectionHarness(Path dir) {
        mongo = EmbeddedMongo.start(dir, 0);
        client = MongoClients.create(mongo.connectionString());
        db = client.getDatabase("projection-test");
    }

    /** Records each payload as the next event, an hour after the one before, and hands it to the projection. */
    public List<TrackedEventMessage<?>> given(Object projection, Object... payloads) throws Exception {
        return givenWith(projection, java.util.Map.of(), payloads);
    }

    /** As {@link #given}, the events' metadata holding {@code more} besides (who the act was done for, say). */
    public List<TrackedEventMessage<?>> givenWith(Object projection, java.util.Map<String, ?> more, Object... payloads) throws Exception {
        List<TrackedEventMessage<?>> out = new ArrayList<>();
        AnnotationEventHandlerAdapter adapter = adapter(projection);
        for (Object payload : payloads) {
            clock = clock.plus(Duration.ofHours(1));
            position++;
            TrackedEventMessage<?> m = new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(position, List.of()),
                    new GenericDomainEventMessage<>("Test", "aggregate-" + position, 0, payload,
                            MetaData.with(RecordingTime.METADATA_KEY, clock.toString()).and("actor", "tester").and("role", "LEAD_OFFICE").mergedWith(more)));
            adapter.handle(m);
            out.add(m);
            delivered.add(m);
        }
        return out;
    }

    /** Hands an event delivered before to the projection again, as a redelivered batch would. */
    public void redeliver(Object projection, TrackedEventMessage<?> message) throws Exception {
        adapter(projection).handle(message);
    }

    private static AnnotationEventHandlerAdapter adapter(Object projection) {
        return new AnnotationEventHandlerAdapter(projection, ClasspathParameterResolverFactory.forClass(projection.getClass()));
    }

    @Override
    public void close() {
        client.close();
        mongo.close();
    }
}
