package cn.duban.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoyHashWarmUpTest {

    /** Records what it is asked; hashes are only marked. */
    private static final class CountingEncoder implements PasswordEncoder {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String encode(CharSequence raw) {
            calls.add("encode");
            return "hash-of-" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            calls.add("matches");
            return encoded.equals("hash-of-" + raw);
        }
    }

    private static final class RecordingPublisher implements AuthenticationEventPublisher {
        final List<String> published = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publishAuthenticationSuccess(Authentication authentication) {
            published.add("success " + authentication.getName());
        }

        @Override
        public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
            published.add("failure " + authentication.getName());
        }
    }

    @Test
    void theDecoyIsHashedAtTheStartSoTheFirstSignInOnlyChecksAndNoFailedSignInIsPublished() {
        CountingEncoder encoder = new CountingEncoder();
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username -> {
            throw new UsernameNotFoundException("no such user");
        });
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(dao);
        RecordingPublisher publisher = new RecordingPublisher();
        manager.setAuthenticationEventPublisher(publisher);

        assertThat(DecoyHashWarmUp.hashDecoy(manager)).isTrue();
        assertThat(encoder.calls).containsExactly("encode", "matches");
        assertThat(publisher.published).isEmpty();

        encoder.calls.clear();
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("zhangsan", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.calls).as("the first real sign-in hashes no decoy any more").containsExactly("matches");
        assertThat(publisher.published).containsExactly("failure zhangsan");
    }

    @Test
    void aManagerWithoutAPasswordProviderIsLeftAlone() {
        assertThat(DecoyHashWarmUp.hashDecoy(authentication -> authentication)).isFalse();
    }
}
