package cn.duban.platform.web;

import cn.duban.kernel.error.InvalidInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The rest of the input boundary beside {@link StrictJson}: identifiers in paths and query
 * parameters, the size of a request body, and errors answered as JSON wherever they arise (Spring's
 * {@code /error}, or Tomcat itself before a request reaches the application) — never an HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class InputBoundary implements WebMvcConfigurer {
    /** Path variables: identifiers and user names, 1–64 letters, digits or {@code _ . : @ -}. */
    static final Pattern PATH_VARIABLE = Pattern.compile("[\\p{L}\\p{N}_.:@-]{1,64}");
    static final int MAX_QUERY_VALUE = 200;
    /** A query value that starts as a date or an instant, its year captured (signed and long ones too). */
    static final Pattern DATE_LIKE = Pattern.compile("([+-]?\\d{4,})-\\d{2}-\\d{2}");
    public static final long MAX_BODY = 1_000_000;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                @SuppressWarnings("unchecked")
                Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                if (variables != null) {
                    variables.forEach((name, value) -> {
                        if (!PATH_VARIABLE.matcher(value).matches()) {
                            throw new InvalidInputException(name, "须为1到64位字母、数字或 _ . : @ - / 1-64 letters, digits or _ . : @ -");
                        }
                    });
                }
                request.getParameterMap().forEach((name, values) -> {
                    String field = name.length() > 40 ? name.substring(0, 40) : name;
                    if (values.length > 1 && handler instanceof HandlerMethod method && !takesSeveral(method).contains(name)) {
                        // Spring would join ?unit=a&unit=b into "a,b", or report "[Ljava.lang.String;@…" for a number or a date.
                        throw new InvalidInputException(field, "只能给出一个值，收到" + values.length + "个 / takes one value, " + values.length + " given");
                    }
                    for (String value : values) {
                        if (value.length() > MAX_QUERY_VALUE) {
                            throw new InvalidInputException(field, "超过" + MAX_QUERY_VALUE + "个字符 / longer than " + MAX_QUERY_VALUE + " characters");
                        }
                        var date = DATE_LIKE.matcher(value);
                        if (date.lookingAt()) {
                            String year = date.group(1).replace("+", "");
                            if (year.length() > 5 || Integer.parseInt(year) < StrictJson.MIN_YEAR || Integer.parseInt(year) > StrictJson.MAX_YEAR) {
                                throw new InvalidInputException(field, "日期须在" + StrictJson.MIN_YEAR + "至" + StrictJson.MAX_YEAR
                                        + "年间 / a date in " + StrictJson.MIN_YEAR + "-" + StrictJson.MAX_YEAR);
                            }
                        }
                    }
                });
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    private static final ParameterNameDiscoverer PARAMETER_NAMES = new DefaultParameterNameDiscoverer();
    private final Map<HandlerMethod, Set<String>> several = new ConcurrentHashMap<>();

    /** The query parameters of an endpoint that take several values (?ids=a&ids=b): those bound to an array or a collection. */
    Set<String> takesSeveral(HandlerMethod method) {
        return several.computeIfAbsent(method, m -> {
            // The method's own parameter names: a handler's MethodParameters learn theirs only once
            // Spring first resolves its arguments, after this interceptor has run.
            String[] declared = PARAMETER_NAMES.getParameterNames(m.getMethod());
            Set<String> names = new HashSet<>();
            for (MethodParameter parameter : m.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                Class<?> type = parameter.getParameterType();
                if (param != null && (type.isArray() || Collection.class.isAssignableFrom(type))) {
                    names.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                            : declared[parameter.getParameterIndex()]);
                }
            }
            return Set.copyOf(names);
        });
    }

    /** Bodies over 1 MB (files aside) are refused before anything reads them. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimit() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String type = request.getContentType();
                boolean files = type != null && type.toLowerCase().startsWith("multipart/");
                if (!files && request.getContentLengthLong() > MAX_BODY) {
                    write(response, 413, new ApiError("PAYLOAD_TOO_LARGE", "请求体超过1MB / request body over 1 MB", "", null));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * What Spring Security's firewall refuses, answered as every other refusal is, naming what was
     * refused, rather than the container's bare "malformed request": an address (an encoded slash,
     * {@code %00}, {@code ..}, a control character), a header or a query parameter holding a control
     * character (400), a method the firewall does not know, such as TRACE (405). {@link NamingFirewall}
     * tells which.
     */
    @Bean
    RequestRejectedHandler firewallRefused() {
        return (request, response, rejected) -> {
            Refusal refusal = refusal(rejected);
            write(response, refusal.status(), refusal.error());
        };
    }

    record Refusal(int status, ApiError error) {
    }

    /** A refusal the firewall did not name (none is expected) is answered as the address's. */
    static Refusal refusal(RequestRejectedException rejected) {
        NamingFirewall.Part part = rejected instanceof NamingFirewall.Refused named ? named.part() : NamingFirewall.Part.ADDRESS;
        return switch (part) {
            case METHOD -> new Refusal(405, errorFor(405));
            case HEADER -> new Refusal(400, HEADER_REFUSED);
            case PARAMETER -> new Refusal(400, PARAMETER_REFUSED);
            case ADDRESS -> new Refusal(400, ADDRESS_REFUSED);
        };
    }

    static final ApiError HEADER_REFUSED = new ApiError("VALIDATION",
            "请求头含有不允许的字符（控制字符等）/ a request header holds characters not allowed (a control character)", "headers", null);
    static final ApiError PARAMETER_REFUSED = new ApiError("VALIDATION",
            "查询参数含有不允许的字符（控制字符等）/ a query parameter holds characters not allowed (a control character)", "query", null);

    /**
     * Spring Security's firewall, its rules unchanged, with its character checks made cheaper
     * ({@link FirewallText}) and its refusals named ({@link NamingFirewall}).
     */
    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallText.NAME);
        firewall.setAllowedHeaderValues(FirewallText.HEADER_VALUE);
        firewall.setAllowedParameterNames(FirewallText.NAME);
        return new NamingFirewall(firewall);
    }

    static final ApiError ADDRESS_REFUSED = new ApiError("VALIDATION",
            "地址含有不允许的字符（编码的斜杠、%00、“..”、控制字符等）/ the address holds characters not allowed "
                    + "(an encoded slash, %00, “..”, a control character)", "path", null);

    static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(cn.duban.platform.json.Json.mapper().writeValueAsBytes(error));
    }

    static ApiError errorFor(int status) {
        return switch (status) {
            case 400 -> ApiError.of("BAD_REQUEST", "请求格式不正确 / malformed request");
            case 401 -> ApiError.of("UNAUTHENTICATED", "请先登录 / sign in first");
            case 403 -> ApiError.of("FORBIDDEN", "无权进行此操作 / not allowed for your role");
            case 404 -> ApiError.of("NOT_FOUND", "不存在 / not found");
            case 405 -> ApiError.of("METHOD_NOT_ALLOWED", "不支持该请求方法 / method not allowed");
            case 406 -> ApiError.of("NOT_ACCEPTABLE", "无法以所要求的格式回答（接口以 JSON 回答）/ cannot answer in the format asked for (the API answers JSON)");
            case 413 -> ApiError.of("PAYLOAD_TOO_LARGE", "请求体过大 / request too large");
            case 415 -> ApiError.of("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型 / unsupported content type");
            default -> status >= 500 ? ApiError.of("INTERNAL", "服务器内部错误 / internal error")
                    : ApiError.of("ERROR", "请求无法处理 / the request cannot be handled");
        };
    }

    /** Spring's error dispatch (and a direct GET /error) in the API's own shape. */
    @RestController
    @io.swagger.v3.oas.annotations.Hidden
    static class JsonErrors implements ErrorController {
        @RequestMapping("/error")
        ResponseEntity<ApiError> error(HttpServletRequest request) {
            Object code = request.getAttribute("jakarta.servlet.error.status_code");
            int status = code instanceof Integer i ? i : 404;
            return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON).body(errorFor(status));
        }
    }

    /** Errors Tomcat answers itself (a malformed request line, a bad URL encoding) are JSON too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    public static class JsonErrorReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                // Tomcat refuses an encoded slash or %00 in the address before Spring sees it, with this reason.
                boolean address = status == 400 && response.getMessage() != null && response.getMessage().startsWith("Invalid URI");
                response.getOutputStream().write(cn.duban.platform.json.Json.mapper().writeValueAsBytes(address ? ADDRESS_REFUSED : errorFor(status)));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response already committed: nothing more to say.
            }
        }
    }
}
