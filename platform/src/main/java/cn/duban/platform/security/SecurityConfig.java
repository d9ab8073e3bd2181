package cn.duban.platform.security;

import cn.duban.kernel.people.Role;
import cn.duban.platform.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Sign-in and what each role may do, enforced here for every request (and, where the unit a
 * command acts for is known only to its aggregate, by the aggregate). The web app signs in with a
 * form and a session (CSRF-protected); API clients send HTTP Basic on each request; districts with
 * single sign-on configure an OIDC provider ({@code spring.security.oauth2.client.registration.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {
    static final String[] UNIT_ACTS = {
            "/api/units/*/trainings", "/api/units/*/info-reports", "/api/units/*/campaigns", "/api/units/*/indicators",
            "/api/units/*/achievements", "/api/units/*/self-assessments", "/api/units/*/self-assessments/sheet", "/api/units/*/appeals",
            "/api/campaigns/*/progress", "/api/campaigns/*/closure", "/api/trainings/*/withdrawal", "/api/info-reports/*/withdrawal",
            "/api/achievements/*/withdrawal", "/api/indicator-reports/*/withdrawal", "/api/campaigns/*/progress/*/withdrawal",
            "/api/campaigns/*/withdrawal",
            "/api/appeals/*/withdrawal",
            "/api/assignments/*/acknowledgements", "/api/assignments/*/progress", "/api/assignments/*/completion",
            "/api/assignments/*/extension-requests", "/api/assignments/notifications/read", "/api/assignments/notifications/read-all", "/api/rectifications/*/report",
            "/api/materials", "/api/copy-notices", "/api/copy-notices/*/answer"};
    static final String[] SUPERVISION_ACTS = {
            "/api/rounds", "/api/rounds/*/findings", "/api/rounds/*/scores", "/api/rounds/*/closure", "/api/rounds/*/publication",
            "/api/rounds/*/findings/*/rectification", "/api/rounds/*/findings/*/confirmation", "/api/rounds/*/findings/*/dismissal",
            "/api/rectifications/*/verification", "/api/rectifications/*/rejection"};
    /** Reads that change nothing but are posted because they carry a document. */
    static final String[] POSTED_READS = {"/api/schemes/*/what-if"};

    /**
     * One rule of who may call what: {@code roles} null lets anyone in, empty any signed-in user.
     * The first rule that matches a request decides it (Spring Security's order).
     */
    public record AccessRule(HttpMethod method, String[] patterns, String[] roles) {
        static AccessRule anyone(String... patterns) {
            return new AccessRule(null, patterns, null);
        }

        static AccessRule signedIn(HttpMethod method, String... patterns) {
            return new AccessRule(method, patterns, new String[0]);
        }

        static AccessRule roles(HttpMethod method, String[] patterns, Role... roles) {
            return new AccessRule(method, patterns, java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new));
        }
    }

    private static final HttpMethod POST = HttpMethod.POST;

    /** What each role may call, in the order the rules are tried; a test checks each rule decides some endpoint. */
    public static final List<AccessRule> ACCESS_RULES = List.of(
            // The workbench's built scripts and styles are code, not data, as the sign-in page's are: asked
            // for without a session (one that lapsed, a screen not opened before) they were refused with a
            // Basic challenge, and the browser put up its own password dialog or, headless, waited for ever.
            AccessRule.anyone("/login.html", "/login", "/assets/**", "/app/assets/**", "/favicon.ico", "/error",
                    "/actuator/health", "/actuator/health/**"),
            // Supervisors verify archives too: before the admin rule, which would otherwise decide first.
            AccessRule.roles(POST, new String[]{"/api/admin/archive/verify"}, Role.LEAD_OFFICE, Role.SUPERVISOR),
            AccessRule.roles(null, new String[]{"/api/admin/**", "/api/users/**", "/api/users"}, Role.LEAD_OFFICE),
            AccessRule.roles(null, new String[]{"/api/audit/**"}, Role.LEAD_OFFICE, Role.SUPERVISOR, Role.LEADER),
            AccessRule.signedIn(null, "/api/me", "/api/me/**"),
            AccessRule.signedIn(HttpMethod.GET, "/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"),
            AccessRule.signedIn(POST, POSTED_READS),
            // 互查: unit staff pass here; the round's aggregate lets only the staff of its inspecting units record findings
            AccessRule.roles(POST, new String[]{"/api/rounds/*/findings"}, Role.UNIT_STAFF, Role.LEAD_OFFICE, Role.SUPERVISOR),
            AccessRule.roles(POST, UNIT_ACTS, Role.UNIT_STAFF, Role.LEAD_OFFICE),
            AccessRule.roles(POST, new String[]{"/api/samples", "/api/samples/**"}, Role.SUPERVISOR),
            AccessRule.roles(POST, SUPERVISION_ACTS, Role.SUPERVISOR, Role.LEAD_OFFICE),
            // everything else that writes — registering units, schemes, accepting reports,
            // adjustments, assignments, appeal decisions, vetoes, notices — is the lead office's
            AccessRule.roles(null, new String[]{"/api/**"}, Role.LEAD_OFFICE));

    @Bean
    SecurityFilterChain dubanSecurity(HttpSecurity http, DirectoryUserDetailsService users, Credentials credentials,
                                      AddressThrottle throttle, ObjectMapper json, ObjectProvider<ClientRegistrationRepository> oidc,
                                      DirectoryOidcUserService oidcUsers,
                                      org.springframework.boot.availability.ApplicationAvailability availability) throws Exception {
        RequestMatcher api = r -> r.getRequestURI().startsWith("/api/");
        http.authorizeHttpRequests(a -> {
            for (AccessRule rule : ACCESS_RULES) {
                var matched = rule.method() == null ? a.requestMatchers(rule.patterns()) : a.requestMatchers(rule.method(), rule.patterns());
                if (rule.roles() == null) {
                    matched.permitAll();
                } else if (rule.roles().length == 0) {
                    matched.authenticated();
                } else {
                    matched.hasAnyRole(rule.roles());
                }
            }
            a.anyRequest().authenticated();
        });
        http.httpBasic(b -> b.realmName("Duban").authenticationEntryPoint((req, res, ex) -> {
            // No Basic challenge for the web app's own calls, or the browser would pop up its dialog.
            if (req.getHeader("X-Requested-With") == null) {
                res.setHeader("WWW-Authenticate", "Basic realm=\"Duban\"");
            }
            write(json, res, 401, ApiError.of("UNAUTHENTICATED", "请先登录 / sign in first"));
        }));
        // A disabled account is told apart only after its right password (see authenticationProvider).
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login.html?error");
        failure.setExceptionMappings(java.util.Map.of(DisabledException.class.getName(), "/login.html?disabled"));
        http.formLogin(f -> f.loginPage("/login.html").loginProcessingUrl("/login").defaultSuccessUrl("/app/", true)
                .failureHandler(failure).permitAll());
        http.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login.html").userInfoEndpoint(u -> u.oidcUserService(oidcUsers)));
        }
        http.exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor((req, res, ex) -> {
                    if (req.getHeader("X-Requested-With") == null) {
                        res.setHeader("WWW-Authenticate", "Basic realm=\"Duban\"");
                    }
                    write(json, res, 401, ApiError.of("UNAUTHENTICATED", "请先登录 / sign in first"));
                }, api)
                .defaultAccessDeniedHandlerFor((req, res, ex) ->
                        write(json, res, 403, ex instanceof org.springframework.security.web.csrf.CsrfException
                                // Not the user's role: the page's token is missing or from before a sign-in elsewhere.
                                ? ApiError.of("FORBIDDEN", "页面的安全令牌缺失或已过期，请刷新页面后重试 / the page's security token is missing or stale: reload the page and try again")
                                : ApiError.of("FORBIDDEN", "无权进行此操作 / not allowed for your role")), api)
                // A sign-in form without its token (a page kept open while another tab signed in) is sent
                // back to the form, which says so, rather than to a JSON error in place of a page.
                .defaultAccessDeniedHandlerFor((req, res, ex) -> res.sendRedirect("/login.html?expired"),
                        r -> "/login".equals(r.getRequestURI())));
        // The web app reads the token from the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN.
        // Every request that carries a session cookie needs it, whatever else it carries; only a
        // request without one (an API client's Basic sign-in, or nobody) has no session to ride on.
        http.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(r -> !hasSessionCookie(r) && r.getRequestURI().startsWith("/api/")));
        // An address with many failed sign-ins in the last minute is refused before any hashing. While
        // the platform is starting (the demo loading, the directory catching up) a sign-in cannot
        // succeed yet: it is answered "starting", never "wrong password", and counts toward no lock-out.
        http.addFilterBefore(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
                boolean signingIn = req.getHeader("Authorization") != null || "/login".equals(req.getRequestURI());
                if (signingIn && availability.getReadinessState() != org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC) {
                    if ("/login".equals(req.getRequestURI())) {
                        res.sendRedirect("/login.html?starting");
                    } else {
                        res.setHeader("Retry-After", "5");
                        write(json, res, 503, ApiError.of("STARTING", "系统正在启动，请稍候再试 / the platform is starting: try again shortly"));
                    }
                    return;
                }
                if (signingIn && throttle.blocked(req.getRemoteAddr())) {
                    res.setHeader("Retry-After", "60");
                    write(json, res, 429, ApiError.of("TOO_MANY_ATTEMPTS", "登录失败次数过多，请一分钟后再试 / too many failed sign-ins: try again in a minute"));
                    return;
                }
                chain.doFilter(req, res);
            }
        }, BasicAuthenticationFilter.class);
        http.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        http.addFilterAfter(new SessionRights(users, json), CsrfCookieFilter.class);
        http.headers(h -> h
                .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                        + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny()));
        return http.build();
    }

    static boolean hasSessionCookie(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie c : cookies) {
            if ("SESSION".equals(c.getName()) || "JSESSIONID".equals(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Spring Security builds its authentication from the directory's user details and this encoder. */
    @Bean
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder(Credentials credentials) {
        return credentials.encoder();
    }

    /**
     * The directory's users, checked as Spring Security does but for one thing: a disabled account is
     * refused only after its password proved right, so the sign-in page can tell its user the account
     * is disabled (else a clerk whose account was disabled would think they forgot their password)
     * without telling anyone who tries names which accounts exist. A lock (repeated failures) is still
     * checked first: it is there to stop guessing.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(DirectoryUserDetailsService users,
                                                     org.springframework.security.crypto.password.PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("User account is locked");
            }
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("User is disabled");
            }
        });
        return provider;
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(org.springframework.context.ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }

    private static void write(ObjectMapper json, HttpServletResponse res, int status, ApiError error) throws IOException {
        res.setStatus(status);
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), error);
    }

    /** Makes the deferred CSRF token load, so the cookie is set on the first page a browser gets. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /** Unused unless OIDC is configured. */
    @Bean
    DirectoryOidcUserService directoryOidcUserService(UserDirectory directory) {
        return new DirectoryOidcUserService(directory);
    }
}
