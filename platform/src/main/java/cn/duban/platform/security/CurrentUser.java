package cn.duban.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The user acting in the current request, if any. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Optional<DubanPrincipal> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof DubanPrincipal p) {
            return Optional.of(p);
        }
        return auth.getPrincipal() instanceof DirectoryOidcUserService.DubanOidcUser o ? Optional.of(o.principal()) : Optional.empty();
    }

    /** {@link cn.duban.kernel.people.UnitScope} for the user of this request. */
    public static void requireMayActFor(String unitId) {
        get().ifPresent(p -> cn.duban.kernel.people.UnitScope.requireMayActFor(p.role(), p.unitId(), unitId));
    }
}
