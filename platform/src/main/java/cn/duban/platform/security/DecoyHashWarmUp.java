package cn.duban.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Spring Security's {@link DaoAuthenticationProvider} hashes a decoy password the first time it is
 * asked for anyone, so that a sign-in as nobody known takes as long as one with a wrong password.
 * That hash fell to the first sign-in after a restart: thread samples (JFR) of a cold JVM's first
 * command on issue 14's 1M store put 0.2 s of its 1.6 s in it. Asking the provider once for a user
 * nobody can be (the empty name), once the beans are made and before the platform accepts sign-ins
 * (readiness comes after this event), makes that hash at the start instead.
 *
 * <p>The provider is asked, not the manager: the manager would publish a failed sign-in.
 */
@Component
class DecoyHashWarmUp {
    private static final Logger log = LoggerFactory.getLogger(DecoyHashWarmUp.class);
    private final AuthenticationConfiguration authentication;

    DecoyHashWarmUp(AuthenticationConfiguration authentication) {
        this.authentication = authentication;
    }

    @EventListener(ApplicationStartedEvent.class)
    void onStarted() {
        try {
            hashDecoy(authentication.getAuthenticationManager());
        } catch (Exception e) {
            // Only the first sign-in's speed depends on it: said, and the start goes on.
            log.warn("Could not make Spring Security's decoy hash ahead of the first sign-in; that sign-in will take longer", e);
        }
    }

    /** True when a provider made its decoy hash. */
    static boolean hashDecoy(AuthenticationManager manager) {
        if (!(manager instanceof ProviderManager providers)) {
            return false;
        }
        boolean hashed = false;
        for (var provider : providers.getProviders()) {
            if (provider instanceof DaoAuthenticationProvider dao) {
                try {
                    dao.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("", "decoy"));
                } catch (AuthenticationException expected) {
                    hashed = true;
                }
            }
        }
        return hashed;
    }
}
