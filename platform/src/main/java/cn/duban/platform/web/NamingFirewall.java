package cn.duban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Spring Security's firewall, its rules unchanged, each refusal telling what it refused
 * ({@link Refused}), so that the answer names it ({@link InputBoundary#refusal}) without reading the
 * firewall's message, which is English prose that may change with any release. The firewall refuses
 * a method or an address at once, and a header or a query parameter when it is read: its request
 * checks them as they are asked for, and so does this one's, which names what it checked.
 */
final class NamingFirewall implements HttpFirewall {
    /** What the firewall refused. */
    enum Part { METHOD, ADDRESS, HEADER, PARAMETER }

    /** A refusal of the firewall's, with what it refused. */
    static final class Refused extends RequestRejectedException {
        private final Part part;

        Refused(Part part, RequestRejectedException cause) {
            super(cause.getMessage());
            initCause(cause);
            this.part = part;
        }

        Part part() {
            return part;
        }
    }

    /** The methods the firewall lets through: Spring's own default, given to it here so that a refusal can be told apart by it. */
    static final Set<String> METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final StrictHttpFirewall strict;

    NamingFirewall(StrictHttpFirewall strict) {
        this.strict = strict;
        strict.setAllowedHttpMethods(METHODS);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest checked;
        try {
            checked = strict.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            throw new Refused(METHODS.contains(request.getMethod()) ? Part.ADDRESS : Part.METHOD, e);
        }
        return new Named(checked);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    /** The firewall's request, its refusals of headers and parameters named. */
    private static final class Named extends FirewalledRequest {
        private final FirewalledRequest checked;

        Named(FirewalledRequest checked) {
            super(checked);
            this.checked = checked;
        }

        @Override
        public void reset() {
            checked.reset();
        }

        @Override
        public long getDateHeader(String name) {
            return read(Part.HEADER, () -> super.getDateHeader(name));
        }

        @Override
        public int getIntHeader(String name) {
            return read(Part.HEADER, () -> super.getIntHeader(name));
        }

        @Override
        public String getHeader(String name) {
            return read(Part.HEADER, () -> super.getHeader(name));
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return each(Part.HEADER, read(Part.HEADER, () -> super.getHeaders(name)));
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return each(Part.HEADER, read(Part.HEADER, super::getHeaderNames));
        }

        @Override
        public String getParameter(String name) {
            return read(Part.PARAMETER, () -> super.getParameter(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return read(Part.PARAMETER, super::getParameterMap);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return each(Part.PARAMETER, read(Part.PARAMETER, super::getParameterNames));
        }

        @Override
        public String[] getParameterValues(String name) {
            return read(Part.PARAMETER, () -> super.getParameterValues(name));
        }

        /** The firewall's enumerations check each element as it is taken. */
        private static Enumeration<String> each(Part part, Enumeration<String> checked) {
            return new Enumeration<>() {
                @Override
                public boolean hasMoreElements() {
                    return checked.hasMoreElements();
                }

                @Override
                public String nextElement() {
                    return read(part, checked::nextElement);
                }
            };
        }

        private static <T> T read(Part part, Supplier<T> reading) {
            try {
                return reading.get();
            } catch (RequestRejectedException e) {
                throw new Refused(part, e);
            }
        }
    }
}
