package cn.duban.platform.security;

import cn.duban.platform.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;

/**
 * A session carries the rights its user had when signing in; this checks on every request that they
 * still hold. Disabled, given another role or unit, or a new password (reset by the lead office or
 * changed elsewhere): the session ends there and then, and the caller signs in again.
 */
final class SessionRights extends OncePerRequestFilter {
    private final DirectoryUserDetailsService users;
    private final ObjectMapper json;

    SessionRights(DirectoryUserDetailsService users, ObjectMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // Basic without a session was authenticated from the directory just now: nothing to re-check.
        boolean fresh = request.getHeader("Authorization") != null && !SecurityConfig.hasSessionCookie(request);
        if (!fresh && auth != null && auth.getPrincipal() instanceof DubanPrincipal signedIn && !stillHolds(signedIn)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getRequestURI().startsWith("/api/")) {
                response.setStatus(401);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getOutputStream(), ApiError.of("SESSION_ENDED",
                        "账号状态已变更，请重新登录 / your account changed: sign in again"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillHolds(DubanPrincipal signedIn) {
        try {
            DubanPrincipal now = users.current(signedIn.username());
            return now.isEnabled() && now.role() == signedIn.role() && Objects.equals(now.unitId(), signedIn.unitId())
                    && Objects.equals(now.passwordHash(), signedIn.passwordHash());
        } catch (UsernameNotFoundException gone) {
            return false;
        }
    }
}
