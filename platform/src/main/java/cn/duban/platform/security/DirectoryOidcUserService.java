package cn.duban.platform.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on: the district's identity provider says who the person is; Duban's own directory
 * says what they may do. A person signed in by the provider but not registered in Duban (by
 * {@code preferred_username}) is refused, so roles are granted only in Duban, as events.
 */
public class DirectoryOidcUserService extends OidcUserService {
    private final UserDirectory directory;

    public DirectoryOidcUserService(UserDirectory directory) {
        this.directory = directory;
    }

    /** An OIDC sign-in carrying the Duban user it maps to. */
    public static final class DubanOidcUser extends DefaultOidcUser {
        private final DubanPrincipal principal;

        DubanOidcUser(OidcUser user, DubanPrincipal principal) {
            super(principal.getAuthorities(), user.getIdToken(), user.getUserInfo(), "preferred_username");
            this.principal = principal;
        }

        public DubanPrincipal principal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.username();
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = super.loadUser(request);
        String username = user.getPreferredUsername();
        var known = username == null ? null : directory.find(username).filter(UserDirectory.UserView::enabled).orElse(null);
        if (known == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("unknown_user", "未在督办中登记的用户 / not a Duban user", null));
        }
        return new DubanOidcUser(user, new DubanPrincipal(known.username(), known.displayName(), known.role(), known.unitId(), "", true, false));
    }
}
