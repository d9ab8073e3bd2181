package cn.duban.platform.security;

import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.data.mongo.MongoIndexedSessionRepository;
import org.springframework.session.data.mongo.MongoSession;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** On the embedded server, which ignores TTL indexes, expired sessions and old failed sign-ins are deleted by the sweep. */
class ExpiredRecordsSweepTest {
    @TempDir
    Path dir;
    EmbeddedMongo mongo;
    MongoClient client;
    MongoDatabase db;
    RememberedSessions sessions;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(dir, 0);
        client = MongoClients.create(mongo.connectionString());
        db = client.getDatabase("duban");
        ServerProperties server = new ServerProperties();
        server.getServlet().getSession().setTimeout(Duration.ofHours(8));
        sessions = new SessionStoreConfig().sessionRepository(new MongoTemplate(client, "duban"), server, e -> {
        });
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    String signedIn(Duration timeout) {
        MongoSession s = sessions.createSession();
        s.setMaxInactiveInterval(timeout);
        s.setLastAccessedTime(Instant.now()); // Spring Session moves the expiry with the last access only
        s.setAttribute("duban.note", "xinqi-staff");
        sessions.save(s);
        return s.getId();
    }

    long count(String collection, String id) {
        return db.getCollection(collection).countDocuments(new Document("_id", id));
    }

    ExpiredRecordsSweep.Swept sweepAt(Instant now) {
        return new ExpiredRecordsSweep(db, Clock.fixed(now, ZoneOffset.UTC)).sweep();
    }

    @Test
    void sessionsPastTheirTimeoutAreDeletedAndOnlyThose() {
        String workday = signedIn(Duration.ofHours(8));
        String week = signedIn(Duration.ofDays(7));
        String sessionsCollection = MongoIndexedSessionRepository.DEFAULT_COLLECTION_NAME;

        assertThat(sweepAt(Instant.now().plus(Duration.ofHours(7))).sessions()).isZero();
        assertThat(count(sessionsCollection, workday)).isEqualTo(1);

        ExpiredRecordsSweep.Swept swept = sweepAt(Instant.now().plus(Duration.ofHours(9)));

        assertThat(swept.sessions()).isEqualTo(1);
        assertThat(count(sessionsCollection, workday)).isZero();
        assertThat(count(sessionsCollection, week)).isEqualTo(1);
        assertThat(sessions.findById(week)).isNotNull();
    }

    @Test
    void failedSignInsAreKept180DaysThenDeleted() {
        Credentials credentials = new Credentials(db, 1024, 1, new RecentRights());
        credentials.recordFailure("xinqi-staff", "10.0.0.7", "bad password");
        db.getCollection(Credentials.FAILURES).insertOne(new Document("username", "xinqi-staff").append("address", "10.0.0.7")
                .append("reason", "bad password").append("at", Date.from(Instant.now().minus(Duration.ofDays(181)))));
        assertThat(credentials.recordedFailures("xinqi-staff")).isEqualTo(2);

        ExpiredRecordsSweep.Swept swept = sweepAt(Instant.now());

        assertThat(swept.failures()).isEqualTo(1);
        assertThat(credentials.recordedFailures("xinqi-staff")).isEqualTo(1);
        assertThat(sweepAt(Instant.now().plus(Duration.ofDays(181))).failures()).isEqualTo(1);
        assertThat(credentials.recordedFailures("xinqi-staff")).isZero();
    }
}
