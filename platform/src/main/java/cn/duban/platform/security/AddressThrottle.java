package cn.duban.platform.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per client address in the last minute, kept in memory (bounded): past the limit
 * an address is refused before any password is hashed, a cheap check before an expensive one. An
 * account's own lock-out (in {@link Credentials}) stays as it was.
 */
@Component
public class AddressThrottle {
    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int ADDRESSES = 10_000;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > ADDRESSES;
        }
    };

    public synchronized void failed(String address) {
        if (address != null) {
            Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
            times.addLast(clock.instant());
            trim(times);
            while (times.size() > LIMIT + 1) {
                times.removeFirst();
            }
        }
    }

    public synchronized boolean blocked(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return false;
        }
        trim(times);
        return times.size() > LIMIT;
    }

    private void trim(Deque<Instant> times) {
        Instant since = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
    }
}
