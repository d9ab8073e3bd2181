package cn.duban.platform.security;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What {@link SessionRights} compares on every request (the user's role, unit, whether enabled, and
 * the password hash), read from the store at most once per {@link #FRESH} per user: otherwise three
 * reads of every request (issue 14). A change made in this process (the user directory's events, a
 * new password) is forgotten at once, so it ends the session at the next request; a change made
 * by another replica is seen within {@link #FRESH}.
 */
@Component
public class RecentRights {
    static final Duration FRESH = Duration.ofSeconds(1);
    static final int MAX_REMEMBERED = 10_000;

    private record Read(DubanPrincipal principal, long at) {
        boolean fresh() {
            return System.nanoTime() - at < FRESH.toNanos();
        }
    }

    private final ConcurrentHashMap<String, Read> recent = new ConcurrentHashMap<>();
    /** Bumped by every {@link #forget}: a read begun before a change is not remembered after it. */
    private final AtomicLong changes = new AtomicLong();

    /** The user as stored, read through {@code load} unless read in the last second. */
    DubanPrincipal get(String username, Function<String, DubanPrincipal> load) {
        Read known = recent.get(username);
        if (known != null && known.fresh()) {
            return known.principal();
        }
        long before = changes.get();
        DubanPrincipal now = load.apply(username);
        if (changes.get() == before) {
            if (recent.size() >= MAX_REMEMBERED) {
                recent.values().removeIf(r -> !r.fresh());
            }
            recent.put(username, new Read(now, System.nanoTime()));
        }
        return now;
    }

    /** The user changed: read again next time. */
    public void forget(String username) {
        changes.incrementAndGet();
        recent.remove(username);
    }
}
