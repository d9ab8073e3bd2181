package cn.duban.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Every failed sign-in is recorded and logged (never the password); repeated ones make the account wait. */
@Component
public class SignInAttempts {
    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);
    private final Credentials credentials;
    private final AddressThrottle throttle;
    private final org.springframework.boot.availability.ApplicationAvailability availability;

    public SignInAttempts(Credentials credentials, AddressThrottle throttle,
                          org.springframework.boot.availability.ApplicationAvailability availability) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.availability = availability;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent e) {
        String username = String.valueOf(e.getAuthentication().getPrincipal());
        if (username.length() > 100) {
            username = username.substring(0, 100);
        }
        String address = e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        String reason = e.getException().getClass().getSimpleName();
        // As typed, it could forge log lines.
        String logged = username.replaceAll("[\\r\\n]", "_");
        if (availability.getReadinessState() != org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC) {
            // Still starting (the demo loading, the directory catching up): the account may not be known yet.
            log.info("Sign-in for '{}' failed while the platform was starting; not counted", logged);
            return;
        }
        if (e.getException() instanceof org.springframework.security.authentication.DisabledException) {
            // Refused after the right password (SecurityConfig.authenticationProvider): not a guess.
            log.info("Sign-in refused for disabled account '{}' from {}", logged, address);
            return;
        }
        credentials.recordFailure(username, address, reason);
        throttle.failed(address);
        log.warn("Sign-in failed for '{}' from {}: {}", logged, address, reason);
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent e) {
        credentials.recordSuccess(e.getAuthentication().getName());
    }
}
