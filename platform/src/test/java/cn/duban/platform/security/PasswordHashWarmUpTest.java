package cn.duban.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashWarmUpTest {

    /** An encoder that records what it was asked and holds every call until released. */
    private static final class HeldEncoder implements PasswordEncoder {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final boolean fail;

        HeldEncoder(boolean fail) {
            this.fail = fail;
        }

        @Override
        public String encode(CharSequence raw) {
            await();
            calls.add("encode");
            if (fail) {
                throw new IllegalStateException("no memory for the hash");
            }
            return "hash-of-" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            calls.add("matches");
            return encoded.equals("hash-of-" + raw);
        }

        private void await() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void theStartDoesNotWaitForTheHashWhichRunsOnADaemonThread() throws InterruptedException {
        HeldEncoder encoder = new HeldEncoder(false);
        PasswordHashWarmUp warmUp = new PasswordHashWarmUp();

        long started = System.nanoTime();
        warmUp.start(encoder);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
        assertThat(warmUp.thread().isDaemon()).isTrue();
        assertThat(encoder.calls).isEmpty();

        encoder.release.countDown();
        warmUp.thread().join(10_000);
        assertThat(warmUp.thread().isAlive()).isFalse();
        assertThat(encoder.calls).containsExactly("encode", "matches");
    }

    @Test
    void aFailedHashIsLoggedNotThrown() {
        HeldEncoder encoder = new HeldEncoder(true);
        encoder.release.countDown();

        PasswordHashWarmUp.warmUp(encoder);

        assertThat(encoder.calls).containsExactly("encode");
    }
}
