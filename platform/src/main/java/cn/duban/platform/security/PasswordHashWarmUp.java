package cn.duban.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.UUID;

/**
 * The first Argon2 hash in a new JVM took about 0.7 s on the 2-core benchmark machine, the ones
 * after it about 0.1 s, once the JIT had compiled the hash (issue 14). The first sign-in after a
 * restart, a clerk's or a script's, paid for it. A hash of a throwaway password and a check of it,
 * on a thread of their own begun before the application's beans are made (the store opened, the
 * processors started: seconds on a large store), pay for it before anyone can sign in. Nothing is
 * stored, and a failure costs only the first sign-in's speed: it is logged. Spring Security's own
 * decoy hash is made later, once its provider exists ({@link DecoyHashWarmUp}), by a JIT this has
 * warmed.
 *
 * <p>Registered in {@code META-INF/spring.factories}: a bean would be made too late.
 */
public class PasswordHashWarmUp implements ApplicationListener<ApplicationPreparedEvent> {
    private static final Logger log = LoggerFactory.getLogger(PasswordHashWarmUp.class);

    private Thread thread;

    /** The environment is complete by now (a test's properties included), the beans not yet made. */
    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        start(Credentials.passwordEncoder(env.getProperty(Credentials.MEMORY_KIB, Integer.class, Credentials.DEFAULT_MEMORY_KIB),
                env.getProperty(Credentials.ITERATIONS, Integer.class, Credentials.DEFAULT_ITERATIONS)));
    }

    void start(PasswordEncoder encoder) {
        thread = new Thread(() -> warmUp(encoder), "password-hash-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    static void warmUp(PasswordEncoder encoder) {
        try {
            String throwaway = UUID.randomUUID().toString();
            encoder.matches(throwaway, encoder.encode(throwaway));
        } catch (RuntimeException e) {
            log.warn("Could not hash a password ahead of the first sign-in; that sign-in will take longer", e);
        }
    }

    /** The warm-up's thread, once started. */
    Thread thread() {
        return thread;
    }
}
