package cn.duban.platform.mongo;

import cn.duban.platform.DubanProperties;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "database". Boot's own Mongo check sends {@code hello}, which
 * the embedded server does not know; {@code ping} works on both.
 */
@Component("database")
public class DatabaseHealthIndicator implements HealthIndicator {
    private final MongoDatabase database;
    private final DubanProperties props;
    private final ObjectProvider<EmbeddedMongo> embedded;
    private final SequencedMongoEventStorageEngine engine;
    private final cn.duban.platform.DemoMark demo;

    public DatabaseHealthIndicator(MongoDatabase database, DubanProperties props, ObjectProvider<EmbeddedMongo> embedded,
                                   SequencedMongoEventStorageEngine engine, cn.duban.platform.DemoMark demo) {
        this.demo = demo;
        this.database = database;
        this.props = props;
        this.embedded = embedded;
        this.engine = engine;
    }

    @Override
    public Health health() {
        try {
            database.runCommand(new Document("ping", 1));
            Health.Builder up = Health.up()
                    .withDetail("mode", props.embedded() ? "embedded mongo-java-server (H2)" : "MongoDB")
                    .withDetail("database", props.database())
                    .withDetail("eventStoreHead", engine.headPosition())
                    .withDetail("demo", demo.loadedAt().isPresent());
            EmbeddedMongo server = embedded.getIfAvailable();
            if (server != null) {
                up.withDetail("file", server.file().toString());
            }
            return up.build();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("database", props.database()).build();
        }
    }
}
