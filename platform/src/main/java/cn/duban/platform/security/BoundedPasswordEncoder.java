package cn.duban.platform.security;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id takes 16 MiB and tens of milliseconds per hash by design; a flood of sign-in attempts
 * must not run hundreds at once. At most {@code permits} hashes run together; others wait a few
 * seconds, then fail as a service error (answered 401), never exhausting memory.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {
    private final PasswordEncoder delegate;
    private final Semaphore permits;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits) {
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
    }

    @Override
    public String encode(CharSequence raw) {
        acquire();
        try {
            return delegate.encode(raw);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        acquire();
        try {
            return delegate.matches(raw, encoded);
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new AuthenticationServiceException("busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("interrupted");
        }
    }
}
