package cn.duban.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings every Duban process shares; environment variables map onto them in
 * {@code duban-platform.properties} (MONGODB_URI, DATA_DIR, …).
 *
 * @param mongodbUri      a real MongoDB (replica set); empty: start the embedded server
 * @param database        database name
 * @param dataDir         where the embedded server keeps its files
 * @param embeddedPort    TCP port of the embedded server on 127.0.0.1 (0: any free port)
 * @param gapTimeout      how long a tracker waits at an empty event position before skipping it
 * @param consistencyWait how long a command response waits for this process's projections
 */
@ConfigurationProperties(prefix = "duban")
public record DubanProperties(String mongodbUri, String database, Path dataDir, int embeddedPort,
                              Duration gapTimeout, Duration consistencyWait) {
    public DubanProperties {
        database = database == null || database.isBlank() ? "duban" : database;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        consistencyWait = consistencyWait == null ? Duration.ofSeconds(10) : consistencyWait;
    }

    public boolean embedded() {
        return mongodbUri == null || mongodbUri.isBlank();
    }
}
