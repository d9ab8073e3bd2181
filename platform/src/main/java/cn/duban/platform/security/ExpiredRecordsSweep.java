package cn.duban.platform.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.data.mongo.MongoIndexedSessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Deletes what a TTL index would: web sessions past their expiry, and failed sign-ins older than
 * {@link #FAILURES_KEPT}. On MongoDB the TTL indexes that Spring Session and {@link Credentials}
 * declare do it; the embedded default server ignores them (it logs "adding secondary index with
 * keys [IndexKey[key=expireAt ASC]] is not yet implemented. ignoring"), so there every session that
 * was not signed out, and every failed sign-in, stayed in the store for good: a flood of wrong
 * passwords could fill the disk. On MongoDB this deletes nothing its TTL monitor would not.
 * Real time, not the domain's clock: the demo's simulated 2023 would expire today's sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ExpiredRecordsSweep {
    static final Duration FAILURES_KEPT = Duration.ofDays(Credentials.FAILURES_KEPT_DAYS);
    private static final Logger log = LoggerFactory.getLogger(ExpiredRecordsSweep.class);

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> failures;
    private final Clock clock;

    @Autowired
    public ExpiredRecordsSweep(MongoDatabase db) {
        this(db, Clock.systemUTC());
    }

    ExpiredRecordsSweep(MongoDatabase db, Clock clock) {
        this.sessions = db.getCollection(MongoIndexedSessionRepository.DEFAULT_COLLECTION_NAME);
        this.failures = db.getCollection(Credentials.FAILURES);
        this.clock = clock;
    }

    /** What one sweep deleted. */
    record Swept(long sessions, long failures) {
    }

    @Scheduled(initialDelayString = "${duban.security.sweep-initial-delay:PT1M}", fixedDelayString = "${duban.security.sweep-interval:PT1H}")
    public void sweepOnSchedule() {
        try {
            Swept swept = sweep();
            if (swept.sessions() + swept.failures() > 0) {
                log.info("已清除过期会话 {} 个、180 天前的登录失败记录 {} 条 / removed {} expired sessions and {} sign-in failures older than 180 days",
                        swept.sessions(), swept.failures(), swept.sessions(), swept.failures());
            }
        } catch (RuntimeException e) {
            // The next sweep tries again; nothing is lost by waiting, only disk held a little longer.
            log.warn("清除过期会话失败，下次再试 / could not remove expired sessions, will try again", e);
        }
    }

    Swept sweep() {
        Instant now = clock.instant();
        long s = sessions.deleteMany(Filters.lt("expireAt", Date.from(now))).getDeletedCount();
        long f = failures.deleteMany(Filters.lt("at", Date.from(now.minus(FAILURES_KEPT)))).getDeletedCount();
        return new Swept(s, f);
    }
}
