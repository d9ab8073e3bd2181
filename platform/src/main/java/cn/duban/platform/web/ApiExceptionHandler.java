package cn.duban.platform.web;

import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.error.Violation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.stream.Collectors;
import cn.duban.kernel.error.ForbiddenException;
import cn.duban.platform.eventstore.UnstorableEventException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Maps failures onto API.md's error bodies: 400 naming the field, 404, 409. Nothing else leaks:
 * unexpected failures are logged here and answered with a plain 500 without a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> new Violation(fe.getField(), fe.getDefaultMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        if (violations.isEmpty()) {
            return validation(List.of(new Violation("", e.getBindingResult().getAllErrors().get(0).getDefaultMessage())));
        }
        return validation(violations);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Violation(
                        err instanceof FieldError fe ? fe.getField() : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage())))
                .toList();
        return validation(violations);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        Optional<Violation> twice = duplicateKey(cause);
        if (twice.isPresent()) {
            return validation(List.of(twice.get()));
        }
        if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            return validation(List.of(new Violation(path(jme), describe(jme))));
        }
        if (cause instanceof StreamConstraintsException) {
            return validation(List.of(new Violation("", "请求体过大、数字过长或嵌套过深 / body too large, a number too long or nested too deep")));
        }
        if (cause instanceof JsonProcessingException jpe) {
            var at = jpe.getLocation();
            return validation(List.of(new Violation("", "请求体不是有效的 JSON / body is not valid JSON"
                    + (at == null ? "" : "（第" + at.getLineNr() + "行第" + at.getColumnNr() + "列 / line " + at.getLineNr() + ", column " + at.getColumnNr() + "）"))));
        }
        return validation(List.of(new Violation("", "缺少或无法读取请求体 / missing or unreadable body")));
    }

    /**
     * A key given twice in one object (StrictJson turns on Jackson's duplicate detection), named by
     * its path as API.md writes paths. Jackson reports it as a parse error without a path; its parser
     * still stands in the object that holds the key.
     */
    public static Optional<Violation> duplicateKey(Throwable e) {
        if (e instanceof JsonMappingException && e.getCause() != null) {
            // Inside a record Jackson wraps it, with a path that stops at the record.
            return duplicateKey(e.getCause());
        }
        if (!(e instanceof JsonParseException jpe) || jpe.getOriginalMessage() == null
                || !jpe.getOriginalMessage().startsWith("Duplicate field '") || jpe.getProcessor() == null) {
            return Optional.empty();
        }
        JsonParser parser = jpe.getProcessor();
        Deque<String> steps = new ArrayDeque<>();
        for (var c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            steps.push(c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]" : c.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            path.append(step.startsWith("[") || path.isEmpty() ? "" : ".").append(step);
        }
        return Optional.of(new Violation(path.toString(), "字段重复 / given more than once"));
    }

    /** What was wrong with a value, in words (never Jackson's text, which names Java types). */
    public static String describe(JsonMappingException e) {
        if (e instanceof StrictJson.Refused) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidNullException) {
            return "不能为 null / must not be null";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            // The fields it takes, so a misspelling is put right from the answer alone.
            Collection<Object> known = u.getKnownPropertyIds();
            return "未知字段 / unknown field" + (known == null || known.isEmpty() ? ""
                    : "（可用字段 / fields taken：" + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + "）");
        }
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            return "取值须为 / must be one of：" + Arrays.toString(ife.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "类型不正确，应为" + kind(mie.getTargetType()) + " / wrong type, expected " + kindEn(mie.getTargetType());
        }
        return "格式不正确 / malformed value";
    }

    private static String kind(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "数字";
        }
        if (type == String.class || type.isEnum()) {
            return "文本";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true/false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "日期文本";
        }
        return "对象";
    }

    private static String kindEn(Class<?> type) {
        return switch (kind(type)) {
            case "数字" -> "a number";
            case "文本" -> "text";
            case "true/false" -> "true or false";
            case "列表" -> "a list";
            case "日期文本" -> "a date as text";
            default -> "an object";
        };
    }

    /** Jackson's path as API.md writes it: {@code items[2].rules[0].perMissing}. */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return validation(List.of(new Violation(e.getParameterName(), "必填 / required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return validation(List.of(new Violation(e.getHeaderName(), "缺少请求头 / header required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        String value = String.valueOf(e.getValue());
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            return validation(List.of(new Violation(e.getName(), "取值须为 / must be one of：" + Arrays.toString(e.getRequiredType().getEnumConstants()))));
        }
        return validation(List.of(new Violation(e.getName(), "格式不正确 / malformed value：'"
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'")));
    }

    static final String NAME_TOO_LONG = "文件名过长，最长200字 / the file's name is too long (200 characters at most)";

    /**
     * Whether Tomcat refused a part's headers for their size (server.tomcat.max-part-header-size): a
     * file's name far beyond the 200 characters allowed. Spring reports it as an upload too large,
     * which told a clerk with a small file the wrong thing. Tomcat says so only in its message.
     */
    private static boolean partHeadersTooLong(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    /** A file beyond the multipart limit, or a form that is not one: the upload is refused as the field {@code file}. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badUpload(MultipartException e) {
        String why = partHeadersTooLong(e) ? NAME_TOO_LONG
                : e instanceof MaxUploadSizeExceededException
                ? "文件过大 / the file is too large" : "上传的表单不完整 / the upload is not a complete multipart form";
        return validation(List.of(new Violation("file", why)));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return validation(List.of(new Violation(e.getRequestPartName(), "必填 / required")));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalidInput(InvalidInputException e) {
        return refused(e);
    }

    /**
     * A header or parameter Spring Security's firewall refuses when it is read (a control character in
     * a header value, read with every header as a request body is converted): the firewall's refusal
     * reaches here, not its handler (InputBoundary), and was answered 500.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ApiError> refusedByFirewall(RequestRejectedException e) {
        InputBoundary.Refusal refusal = InputBoundary.refusal(e);
        return ResponseEntity.status(refusal.status()).body(refusal.error());
    }

    /**
     * An address nothing serves. A browser's page address (a mistyped one, or one written down
     * without the workbench's "#") opens the workbench, as the workbench's own unknown routes open
     * its overview; a signed-in clerk who typed /score got a line of JSON. API clients, files and
     * anything not asking for a page still get the JSON 404.
     */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        boolean page = "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !path.startsWith("/api/") && !path.startsWith("/actuator") && !path.startsWith("/v3/")
                && !path.startsWith("/assets/") && !path.startsWith("/app/assets/") && !path.contains(".");
        if (page) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/app/")).build();
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NOT_FOUND", "不存在 / not found"));
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class, ForbiddenException.class, AccessDeniedException.class,
            ConflictException.class, ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ApiError> refused(RuntimeException e) {
        return refusal(e).orElseThrow(() -> e);
    }

    /**
     * The answer to an act the platform refuses (400 invalid, 403 not allowed, 404 no such thing, 409
     * decided already or changed meanwhile), or empty for anything else, which is a fault. One place
     * for it, as a run of acts sent in one request (several reports accepted at once) answers each
     * act's refusal in its body as a single act's request answers it.
     */
    public static Optional<ResponseEntity<ApiError>> refusal(Throwable thrown) {
        Throwable e = knownCause(thrown);
        if (e instanceof InvalidInputException invalid) {
            return Optional.of(validation(invalid.violations()));
        }
        if (e instanceof UnstorableEventException) {
            return Optional.of(validation(List.of(new Violation("", e.getMessage()))));
        }
        if (e instanceof NotFoundException || e instanceof AggregateNotFoundException) {
            String message = e instanceof AggregateNotFoundException anf ? "不存在 / not found: " + anf.getAggregateIdentifier() : e.getMessage();
            return Optional.of(ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("NOT_FOUND", message)));
        }
        if (e instanceof ForbiddenException || e instanceof AccessDeniedException) {
            return Optional.of(ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of("FORBIDDEN",
                    e instanceof ForbiddenException ? e.getMessage() : "无权进行此操作 / not allowed for your role")));
        }
        if (e instanceof ConflictException) {
            return Optional.of(ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("CONFLICT", e.getMessage())));
        }
        // Another writer appended to the same aggregate first, or the id is taken.
        if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException) {
            return Optional.of(ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("CONFLICT",
                    "与并发的修改冲突或编号已被使用，请刷新后重试 / conflicts with a concurrent change or the id is taken; reload and retry")));
        }
        return Optional.empty();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        // A type Spring could not parse (an unknown charset) has none: the header as given is named instead.
        String given = e.getContentType() != null ? e.getContentType().toString() : String.valueOf(request.getHeader("Content-Type"));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型 / unsupported content type: "
                        + (given.length() > 100 ? given.substring(0, 100) + "…" : given), "Content-Type", null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of("METHOD_NOT_ALLOWED",
                "不支持该请求方法 / method not allowed: " + e.getMethod()));
    }

    /**
     * A client that accepts no JSON (Accept: application/xml). Written straight to the response: an
     * answer through the message converters would be refused again for the same reason, and the
     * failure reached {@link #unexpected}, which logged it as an error with its stack trace.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletResponse response) throws IOException {
        InputBoundary.write(response, 406, InputBoundary.errorFor(406));
    }

    /** Anything else, unless it carries a refusal (command-bus and framework wrappers carry the domain's exceptions as causes). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        return refusal(e).orElseGet(() -> {
            log.error("Unexpected failure handling a request", e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of("INTERNAL", "服务器内部错误 / internal error"));
        });
    }

    private static Throwable knownCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t instanceof ConflictException || t instanceof ConcurrencyException
                    || t instanceof ForbiddenException || t instanceof AccessDeniedException
                    || t instanceof AggregateStreamCreationException || t instanceof UnstorableEventException
                    || t instanceof NotFoundException || t instanceof AggregateNotFoundException) {
                return t;
            }
        }
        return null;
    }

    private static ResponseEntity<ApiError> validation(List<Violation> violations) {
        Violation first = violations.get(0);
        String message = violations.stream().map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(new ApiError("VALIDATION", message, first.field(),
                violations.size() > 1 ? violations : null));
    }
}
