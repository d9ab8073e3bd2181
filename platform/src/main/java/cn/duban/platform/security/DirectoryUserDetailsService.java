package cn.duban.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Users from the {@link UserDirectory}, passwords and locks from {@link Credentials}. */
@Component
public class DirectoryUserDetailsService implements UserDetailsService {
    private final UserDirectory directory;
    private final Credentials credentials;
    private final RecentRights recent;

    public DirectoryUserDetailsService(UserDirectory directory, Credentials credentials, RecentRights recent) {
        this.directory = directory;
        this.credentials = credentials;
        this.recent = recent;
    }

    /** As {@link #loadUserByUsername}, read at most once a second (see {@link RecentRights}); never for signing in. */
    DubanPrincipal current(String username) {
        return recent.get(username, u -> (DubanPrincipal) loadUserByUsername(u));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = directory.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = credentials.hash(username).orElseThrow(() -> new UsernameNotFoundException("no password set"));
        return new DubanPrincipal(user.username(), user.displayName(), user.role(), user.unitId(), hash, user.enabled(),
                credentials.lockedUntil(username).isPresent());
    }
}
