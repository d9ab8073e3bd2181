package cn.duban.platform.security;

import cn.duban.platform.mongo.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions on the embedded database: what is written, what is answered from memory, and for how long. */
class RememberedSessionsTest {
    @TempDir
    Path dir;
    EmbeddedMongo mongo;
    MongoClient client;
    MongoTemplate template;
    RememberedSessions sessions;
    final List<Object> announced = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.start(dir, 0);
        client = MongoClients.create(mongo.connectionString());
        template = new MongoTemplate(client, "duban");
        sessions = replica();
    }

    RememberedSessions replica() {
        ServerProperties server = new ServerProperties();
        server.getServlet().getSession().setTimeout(Duration.ofHours(8));
        return new SessionStoreConfig().sessionRepository(template, server, announced::add);
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    Document stored(String id) {
        return template.getCollection(MongoIndexedSessionRepository.DEFAULT_COLLECTION_NAME).find(new Document("_id", id)).first();
    }

    MongoSession signedIn() {
        MongoSession s = sessions.createSession();
        s.setAttribute("duban.note", "xinqi-staff");
        sessions.save(s);
        return s;
    }

    @Test
    void creationAndSignOutAreAnnouncedAsSpringSessionAnnouncesThem() {
        MongoSession s = signedIn();
        sessions.deleteById(s.getId());
        assertThat(announced).extracting(e -> e.getClass().getSimpleName()).containsExactly("SessionCreatedEvent", "SessionDeletedEvent");
    }

    @Test
    void aTouchWithinAMinuteIsNotWrittenOneAfterItIs() {
        MongoSession s = signedIn();
        Object stored = stored(s.getId()).get("expireAt");
        MongoSession read = sessions.findById(s.getId());
        read.setLastAccessedTime(read.getLastAccessedTime().plusSeconds(30));
        sessions.save(read);
        assertThat(stored(s.getId()).get("expireAt")).isEqualTo(stored);
        read.setLastAccessedTime(read.getLastAccessedTime().plus(RememberedSessions.TOUCH_EVERY));
        sessions.save(read);
        assertThat(stored(s.getId()).get("expireAt")).isNotEqualTo(stored);
    }

    @Test
    void aChangedAttributeIsWrittenAtOnce() {
        MongoSession s = signedIn();
        MongoSession read = sessions.findById(s.getId());
        read.setAttribute("duban.note", "gafj-staff");
        sessions.save(read);
        MongoSession elsewhere = replica().findById(s.getId());
        assertThat(elsewhere.<String>getAttribute("duban.note")).isEqualTo("gafj-staff");
        read.removeAttribute("duban.note");
        sessions.save(read);
        assertThat(replica().findById(s.getId()).getAttributeNames()).isEmpty();
    }

    /** Sign-in changes the session's id (session fixation): what it holds from then on is never found under the old id. */
    @Test
    void aSessionWhoseIdChangedIsNotFoundUnderTheOldOne() {
        MongoSession s = signedIn();
        String before = s.getId();
        MongoSession read = sessions.findById(before);
        String after = read.changeSessionId();
        read.setAttribute("duban.signedIn", "xinqi-staff");
        sessions.save(read);
        assertThat(sessions.findById(after).<String>getAttribute("duban.signedIn")).isEqualTo("xinqi-staff");
        MongoSession old = sessions.findById(before);
        assertThat(old == null ? null : old.<String>getAttribute("duban.signedIn")).isNull();
    }

    @Test
    void aSignOutHereIsAtOnceOneElsewhereWithinASecond() throws InterruptedException {
        MongoSession s = signedIn();
        RememberedSessions other = replica();
        assertThat(other.findById(s.getId())).isNotNull();
        sessions.deleteById(s.getId());
        assertThat(sessions.findById(s.getId())).isNull();
        Thread.sleep(RememberedSessions.FRESH.toMillis() + 100);
        assertThat(other.findById(s.getId())).isNull();
    }

    @Test
    void aFreshReadIsAnsweredFromMemoryAndAnExpiredOneIsNot() {
        MongoSession s = signedIn();
        MongoSession first = sessions.findById(s.getId());
        assertThat(sessions.findById(s.getId())).isSameAs(first);
        first.setLastAccessedTime(Instant.now().minus(Duration.ofHours(9)));
        assertThat(sessions.findById(s.getId())).isNotSameAs(first);
    }
}
