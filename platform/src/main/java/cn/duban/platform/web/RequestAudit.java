package cn.duban.platform.web;

import cn.duban.platform.axon.Audit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is acting, taken from the current HTTP request. Until sign-in exists (issue 5) callers name
 * themselves with {@code X-Duban-Actor} and {@code X-Duban-Role}; the client address is the peer's.
 */
public final class RequestAudit {
    public static final String ACTOR_HEADER = "X-Duban-Actor";
    public static final String ROLE_HEADER = "X-Duban-Role";
    public static final String IDEMPOTENCY_KEY_ATTRIBUTE = RequestAudit.class.getName() + ".idempotencyKey";
    private static final int MAX = 100;

    private RequestAudit() {
    }

    public static Map<String, Object> metadata() {
        Map<String, Object> meta = new HashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            meta.put(Audit.ACTOR, "system");
            return meta;
        }
        HttpServletRequest request = attrs.getRequest();
        meta.put(Audit.ACTOR, clip(orDefault(request.getHeader(ACTOR_HEADER), "anonymous")));
        String role = request.getHeader(ROLE_HEADER);
        if (role != null && !role.isBlank()) {
            meta.put(Audit.ROLE, clip(role));
        }
        meta.put(Audit.CLIENT_ADDRESS, request.getRemoteAddr());
        Object key = request.getAttribute(IDEMPOTENCY_KEY_ATTRIBUTE);
        if (key != null) {
            meta.put(Audit.IDEMPOTENCY_KEY, key.toString());
        }
        return meta;
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v.strip();
    }

    private static String clip(String v) {
        return v.length() > MAX ? v.substring(0, MAX) : v;
    }
}
