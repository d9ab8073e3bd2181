package cn.duban.platform.security;

import cn.duban.kernel.error.InvalidInputException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Password hashes (Argon2id) and failed sign-in counts, in collection {@code credentials}. Kept out
 * of the event store on purpose: events are archived and never deleted, and a hash there would
 * outlive every password change.
 */
@Component
public class Credentials {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    /** Consecutive failures allowed before each further attempt waits. */
    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final MongoCollection<Document> credentials;
    private final MongoCollection<Document> failures;
    private final PasswordEncoder encoder;
    private final Clock clock = Clock.systemUTC();

    private final RecentRights recent;

    static final String MEMORY_KIB = "duban.security.argon2.memory-kib";
    static final String ITERATIONS = "duban.security.argon2.iterations";
    static final int DEFAULT_MEMORY_KIB = 16384;
    static final int DEFAULT_ITERATIONS = 2;
    static final String FAILURES = "sign_in_failures";
    static final long FAILURES_KEPT_DAYS = 180;

    public Credentials(MongoDatabase db,
                       @Value("${" + MEMORY_KIB + ":" + DEFAULT_MEMORY_KIB + "}") int memoryKib,
                       @Value("${" + ITERATIONS + ":" + DEFAULT_ITERATIONS + "}") int iterations, RecentRights recent) {
        this.recent = recent;
        this.credentials = db.getCollection("credentials");
        this.failures = db.getCollection(FAILURES);
        // Kept 180 days: enough to investigate, and a flood of failures cannot fill the database for good.
        // The embedded server ignores this index; ExpiredRecordsSweep deletes them there.
        failures.createIndex(com.mongodb.client.model.Indexes.ascending("at"),
                new com.mongodb.client.model.IndexOptions().name("expire_after_180_days").expireAfter(FAILURES_KEPT_DAYS, java.util.concurrent.TimeUnit.DAYS));
        this.encoder = passwordEncoder(memoryKib, iterations);
    }

    /** Spring Security's recommended Argon2id parameters by default; tests may lower the cost. */
    static PasswordEncoder passwordEncoder(int memoryKib, int iterations) {
        return new BoundedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations), 2);
    }

    public PasswordEncoder encoder() {
        return encoder;
    }

    public void setPassword(String username, String raw) {
        requireAcceptable(raw);
        credentials.updateOne(Filters.eq("_id", username), Updates.combine(Updates.set("hash", encoder.encode(raw)),
                Updates.set("changedAt", Date.from(clock.instant())), Updates.set("failures", 0), Updates.unset("lockedUntil")),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        recent.forget(username);
    }

    public static void requireAcceptable(String raw) {
        if (raw == null || raw.length() < MIN_LENGTH || raw.length() > MAX_LENGTH) {
            throw new InvalidInputException("password", "密码须为" + MIN_LENGTH + "到" + MAX_LENGTH + "个字符 / must be "
                    + MIN_LENGTH + "–" + MAX_LENGTH + " characters");
        }
    }

    public boolean hasPassword(String username) {
        return hash(username).isPresent();
    }

    public Optional<String> hash(String username) {
        return Optional.ofNullable(credentials.find(Filters.eq("_id", username)).first()).map(d -> d.getString("hash"));
    }

    /** Until when further attempts are refused after repeated failures, if they are. */
    public Optional<Instant> lockedUntil(String username) {
        Document d = credentials.find(Filters.eq("_id", username)).first();
        Date until = d == null ? null : d.getDate("lockedUntil");
        return until == null || until.toInstant().isBefore(clock.instant()) ? Optional.empty() : Optional.of(until.toInstant());
    }

    /**
     * Records a failed sign-in (also for names that do not exist) and, past {@link #FREE_FAILURES}
     * in a row, makes the account wait 30 s, then twice as long after each further failure, up to
     * {@link #MAX_LOCK}.
     */
    public void recordFailure(String username, String address, String reason) {
        Instant now = clock.instant();
        failures.insertOne(new Document("username", username).append("address", address).append("reason", reason)
                .append("at", Date.from(now)));
        Document d = credentials.find(Filters.eq("_id", username)).first();
        if (d == null) {
            return;
        }
        int count = d.getInteger("failures", 0) + 1;
        var update = Updates.combine(Updates.set("failures", count), Updates.set("lastFailureAt", Date.from(now)),
                Updates.set("lastFailureFrom", address));
        if (count >= FREE_FAILURES) {
            long seconds = Math.min(MAX_LOCK.toSeconds(), 30L << Math.min(20, count - FREE_FAILURES));
            update = Updates.combine(update, Updates.set("lockedUntil", Date.from(now.plusSeconds(seconds))));
        }
        credentials.updateOne(Filters.eq("_id", username), update);
    }

    public void recordSuccess(String username) {
        credentials.updateOne(Filters.and(Filters.eq("_id", username), Filters.gt("failures", 0)),
                Updates.combine(Updates.set("failures", 0), Updates.unset("lockedUntil")));
    }

    public int failures(String username) {
        Document d = credentials.find(Filters.eq("_id", username)).first();
        return d == null ? 0 : d.getInteger("failures", 0);
    }

    public long recordedFailures(String username) {
        return failures.countDocuments(Filters.eq("username", username));
    }
}
