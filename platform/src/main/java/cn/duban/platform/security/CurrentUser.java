package cn.duban.platform.security;

import cn.duban.kernel.access.Role;
import cn.duban.kernel.error.ForbiddenException;
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

    /** Unit staff act for their own unit only; other roles pass (their endpoints are limited by role). */
    public static void requireMayActFor(String unitId) {
        get().ifPresent(p -> {
            if (p.role() == Role.UNIT_STAFF && !p.unitId().equals(unitId)) {
                throw new ForbiddenException("只能为本单位操作 / you may act only for your own unit");
            }
        });
    }
}
