package cn.duban.platform.web;

import cn.duban.platform.axon.Audit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is acting: the signed-in user of the current HTTP request, with their role and unit, and the
 * client address. When the lead office records a fact in a unit's name, {@code onBehalfOf} names
 * that unit, so the record shows it was entered for the unit rather than by it.
 */
public final class RequestAudit {
    public static final String IDEMPOTENCY_KEY_ATTRIBUTE = RequestAudit.class.getName() + ".idempotencyKey";
    private static final int MAX = 100;
    /** The unit-fact endpoints: {@code /api/units/{unitId}/trainings} and the like. */
    private static final java.util.regex.Pattern UNIT_PATH =
            java.util.regex.Pattern.compile("/api/units/([^/]+)/(trainings|info-reports|campaigns|indicators|achievements|self-assessments|appeals)");

    private RequestAudit() {
    }

    public static Map<String, Object> metadata() {
        return metadata(null);
    }

    /**
     * As {@link #metadata()}, for a command that records a fact of {@code unitId} where the request's
     * address does not name the unit (a run of figures for many units sent in one request).
     */
    public static Map<String, Object> metadataFor(String unitId) {
        return metadata(unitId);
    }

    private static Map<String, Object> metadata(String unitActedFor) {
        Map<String, Object> meta = new HashMap<>();
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
            meta.put(Audit.ACTOR, "system");
            return meta;
        }
        HttpServletRequest request = attrs.getRequest();
        var user = cn.duban.platform.security.CurrentUser.get();
        meta.put(Audit.ACTOR, user.map(u -> clip(u.username())).orElse("anonymous"));
        user.ifPresent(u -> {
            meta.put(Audit.ROLE, u.role().name());
            if (u.unitId() != null) {
                meta.put(Audit.UNIT, u.unitId());
            }
            if (u.role() != cn.duban.kernel.people.Role.UNIT_STAFF) {
                java.util.regex.Matcher m = UNIT_PATH.matcher(request.getRequestURI());
                if (unitActedFor != null) {
                    meta.put(Audit.ON_BEHALF_OF, unitActedFor);
                } else if (m.matches()) {
                    meta.put(Audit.ON_BEHALF_OF, m.group(1));
                }
            }
        });
        meta.put(Audit.CLIENT_ADDRESS, request.getRemoteAddr());
        Object key = request.getAttribute(IDEMPOTENCY_KEY_ATTRIBUTE);
        if (key != null) {
            meta.put(Audit.IDEMPOTENCY_KEY, key.toString());
        }
        return meta;
    }


    private static String clip(String v) {
        return v.length() > MAX ? v.substring(0, MAX) : v;
    }
}
