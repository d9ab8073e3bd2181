package cn.duban.platform.security;

import org.springframework.session.SessionRepository;
import org.springframework.session.data.mongo.MongoIndexedSessionRepository;
import org.springframework.session.data.mongo.MongoSession;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web sessions, kept in MongoDB by Spring Session, without a read and a write of the session
 * document on every request. Spring Session's MongoDB store reads and deserializes the session at
 * the start of each request and serializes and writes it again at the end, if only to move its
 * last-access time: in issue 14's thread samples that was a fifth of a command's time over HTTP.
 * Here:
 * <ul>
 *   <li>a session read from the store in the last {@link #FRESH} is answered from memory;</li>
 *   <li>a save that changes nothing but the last-access time is written only once it has moved by
 *       {@link #TOUCH_EVERY}, so a session may expire up to that much before its 8 hours are up.</li>
 * </ul>
 * Everything else is written as before: a new session, a changed id (sign-in), any attribute set or
 * removed, a different timeout. Another replica's sign-out reaches this one within {@link #FRESH};
 * this replica's own sign-out, at once. {@code SessionRights} still checks the user's rights on
 * every request, so a disabled user is refused at once either way.
 */
final class RememberedSessions implements SessionRepository<MongoSession> {
    static final Duration FRESH = Duration.ofSeconds(1);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Sessions remembered at most; past it, the ones not read for longest are forgotten (they are read from the store again). */
    static final int MAX_REMEMBERED = 10_000;

    private final MongoIndexedSessionRepository store;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** A session as it is in the store: read at {@code readAt} (nanoTime), with these attributes and this last access. */
    private record Remembered(MongoSession session, long readAt, Map<String, Object> attributes, Instant lastAccessed,
                              Duration maxInactive) {
        static Remembered of(MongoSession s) {
            Map<String, Object> attributes = new HashMap<>();
            s.getAttributeNames().forEach(n -> attributes.put(n, s.getAttribute(n)));
            return new Remembered(s, System.nanoTime(), attributes, s.getLastAccessedTime(), s.getMaxInactiveInterval());
        }

        boolean fresh() {
            return System.nanoTime() - readAt < FRESH.toNanos();
        }

        /** Whether saving {@code s} would store nothing but a last access less than {@link #TOUCH_EVERY} after the stored one. */
        boolean onlyTouched(MongoSession s) {
            if (s != session || !Objects.equals(s.getMaxInactiveInterval(), maxInactive)
                    || Duration.between(lastAccessed, s.getLastAccessedTime()).compareTo(TOUCH_EVERY) >= 0
                    || !s.getAttributeNames().equals(attributes.keySet())) {
                return false;
            }
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                // The same object: Spring Security replaces its context on sign-in rather than changing it.
                if (s.getAttribute(a.getKey()) != a.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    RememberedSessions(MongoIndexedSessionRepository store) {
        this.store = store;
    }

    @Override
    public MongoSession createSession() {
        return store.createSession();
    }

    @Override
    public void save(MongoSession session) {
        Remembered known = remembered.get(session.getId());
        if (known != null && known.onlyTouched(session)) {
            return;
        }
        store.save(session);
        // A session whose id changed (sign-in) must not be found under its old id any more.
        remembered.values().removeIf(r -> r.session() == session);
        remember(session);
    }

    @Override
    public MongoSession findById(String id) {
        Remembered known = remembered.get(id);
        if (known != null && known.fresh() && !known.session().isExpired()) {
            return known.session();
        }
        MongoSession session = store.findById(id);
        if (session == null) {
            remembered.remove(id);
            return null;
        }
        remember(session);
        return session;
    }

    @Override
    public void deleteById(String id) {
        remembered.remove(id);
        store.deleteById(id);
    }

    private void remember(MongoSession session) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(r -> !r.fresh());
        }
        remembered.put(session.getId(), Remembered.of(session));
    }
}
