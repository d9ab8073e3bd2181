package cn.duban.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each refusal of the firewall the workbench runs names what it refused, and the answer follows from that alone. */
class NamingFirewallTest {
    private final HttpFirewall firewall = new InputBoundary().firewall();

    @Test
    void aMethodTheFirewallDoesNotKnowIsAMethodRefusedWith405() {
        RequestRejectedException e = refused(() -> firewall.getFirewalledRequest(request("TRACE", "/api/units")));
        assertThat(((NamingFirewall.Refused) e).part()).isEqualTo(NamingFirewall.Part.METHOD);
        assertThat(InputBoundary.refusal(e).status()).isEqualTo(405);
    }

    @Test
    void anEncodedDotDotIsTheAddressRefused() {
        RequestRejectedException e = refused(() -> firewall.getFirewalledRequest(request("GET", "/api/%2e%2e/units")));
        assertThat(((NamingFirewall.Refused) e).part()).isEqualTo(NamingFirewall.Part.ADDRESS);
        assertThat(InputBoundary.refusal(e)).satisfies(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error().field()).isEqualTo("path");
        });
    }

    @Test
    void aControlCharacterInAHeaderIsRefusedAsTheHeaderIsReadHoweverItIsRead() {
        MockHttpServletRequest raw = request("POST", "/api/units");
        raw.addHeader("X-Note", "a\u0085b");
        FirewalledRequest checked = firewall.getFirewalledRequest(raw);
        eachRefusedAs(NamingFirewall.Part.HEADER, "headers", () -> checked.getHeader("X-Note"),
                () -> checked.getHeaders("X-Note").nextElement(), () -> Collections.list(checked.getHeaderNames()).forEach(checked::getHeader));
    }

    @Test
    void aControlCharacterInAQueryParametersNameIsTheParameterRefused() {
        MockHttpServletRequest raw = request("GET", "/api/units");
        raw.addParameter("a\u0001b", "1");
        FirewalledRequest checked = firewall.getFirewalledRequest(raw);
        eachRefusedAs(NamingFirewall.Part.PARAMETER, "query", () -> checked.getParameterNames().nextElement(), checked::getParameterMap);
    }

    @Test
    void whatTheFirewallAllowsReadsAsGiven() {
        MockHttpServletRequest raw = request("POST", "/api/units/xinqi/trainings");
        raw.addHeader("X-Note", "a\tb");
        raw.addParameter("page", "2");
        FirewalledRequest checked = firewall.getFirewalledRequest(raw);
        assertThat(checked.getHeader("X-Note")).isEqualTo("a\tb");
        assertThat(Collections.list(checked.getHeaderNames())).contains("X-Note");
        assertThat(checked.getParameterMap()).containsKey("page");
    }

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRequestURI(uri);
        return request;
    }

    /** Each way of reading is refused, named as {@code part}, and answered naming {@code field}. */
    private static void eachRefusedAs(NamingFirewall.Part part, String field, Runnable... reads) {
        for (Runnable read : reads) {
            RequestRejectedException e = refused(read);
            assertThat(((NamingFirewall.Refused) e).part()).isEqualTo(part);
            assertThat(InputBoundary.refusal(e).error().field()).isEqualTo(field);
        }
    }

    private static RequestRejectedException refused(Runnable firewalled) {
        RequestRejectedException e = catchThrowableOfType(RequestRejectedException.class, firewalled::run);
        assertThat(e).as("refused").isNotNull().isInstanceOf(NamingFirewall.Refused.class);
        return e;
    }
}
