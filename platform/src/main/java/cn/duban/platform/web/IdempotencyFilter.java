package cn.duban.platform.web;

import cn.duban.platform.json.Json;
import cn.duban.platform.mongo.DurabilityBarrier;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import cn.duban.platform.eventstore.MongoDuplicateKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Set;

/**
 * {@code Idempotency-Key} for every state-changing API call: the first successful response is
 * stored under the key and replayed to retries without running the command again. A key reused
 * for a different request, or while the first is still running, is a 409. A failed request
 * leaves no record, so it can be retried with the same key.
 *
 * <p>A request whose process died before it answered leaves its record pending. Its events, if any
 * were stored, carry the key in their metadata, so the event store itself says what happened: a
 * retry (at once when the process that took it is known to be gone, otherwise after five minutes)
 * is answered from the stored events, and runs again only if nothing was stored.
 */
@Component
// After Spring Security: only a signed-in caller's keys are looked up, and each caller has their own.
@Order(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * Where the command side says the first answer's events stand in the store (CommandDispatch): given
     * again with a replay, a client's next read waits for them as it would have after the first.
     */
    static final String POSITION_HEADER = "X-Duban-Position";
    /** A record left PENDING this long belongs to a request that died with its process. */
    private static final Duration STALE_PENDING = Duration.ofMinutes(5);

    /** This process; a pending record of another one on the embedded server belongs to a process that is gone. */
    static final String PROCESS = java.util.UUID.randomUUID().toString();

    private final MongoCollection<Document> keys;
    private final DurabilityBarrier durability;
    private final cn.duban.platform.eventstore.SequencedMongoEventStorageEngine engine;
    private final boolean soleProcess;
    private final Clock clock = Clock.systemUTC();

    public IdempotencyFilter(MongoDatabase database, DurabilityBarrier durability,
                             cn.duban.platform.eventstore.SequencedMongoEventStorageEngine engine, cn.duban.platform.DubanProperties props) {
        this.keys = database.getCollection("idempotency_keys");
        this.durability = durability;
        this.engine = engine;
        // One JVM owns the embedded server: a pending record of another process is an orphan.
        this.soleProcess = props.embedded();
    }

    /**
     * The requests whose bodies carry a password (a new user's, one set by the lead office, one's own).
     * Their key is not honoured: a request's fingerprint is a SHA-256 of its body, kept with the key,
     * and a password fast-hashed and kept for ever is one a reader of the database could guess, where
     * the credentials themselves are kept under Argon2id. Such a request run twice is refused the
     * second time (the user exists, the current password is no longer it).
     */
    private static final java.util.regex.Pattern CARRIES_A_PASSWORD =
            java.util.regex.Pattern.compile("/api/users|/api/users/[^/]+/password|/api/me/password");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || CARRIES_A_PASSWORD.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER).strip();
        if (given.isEmpty() || given.length() > 200) {
            writeError(response, 400, new ApiError("VALIDATION", "Idempotency-Key 须为1到200个字符 / must be 1-200 characters", HEADER, null));
            return;
        }
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String key = (auth == null ? "-" : auth.getName()) + "|" + given;
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        Document existing = keys.find(Filters.eq("_id", key)).first();
        if (existing != null && "PENDING".equals(existing.getString("state")) && orphaned(existing)) {
            Document recovered = recover(key, existing);
            if (recovered != null) {
                answerFromRecord(recovered, fingerprint, response);
                return;
            }
            keys.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", "PENDING")));
            existing = null;
        }
        if (existing == null) {
            try {
                keys.insertOne(new Document("_id", key).append("state", "PENDING").append("fingerprint", fingerprint)
                        .append("createdAt", Date.from(clock.instant())).append("process", PROCESS));
                // No commit of its own: the append's commit of the store makes this record durable with the events.
            } catch (MongoWriteException e) {
                if (!MongoDuplicateKeys.isDuplicateKey(e)) {
                    throw e;
                }
                existing = keys.find(Filters.eq("_id", key)).first();
            }
        }
        if (existing != null) {
            answerFromRecord(existing, fingerprint, response);
            return;
        }
        request.setAttribute(RequestAudit.IDEMPOTENCY_KEY_ATTRIBUTE, key);
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new ReplayableRequest(request, body), wrapped);
            int status = wrapped.getStatus();
            if (status >= 200 && status < 300) {
                keys.updateOne(Filters.eq("_id", key), Updates.combine(
                        Updates.set("state", "DONE"),
                        Updates.set("status", status),
                        Updates.set("contentType", wrapped.getContentType()),
                        Updates.set("location", wrapped.getHeader("Location")),
                        Updates.set("position", wrapped.getHeader(POSITION_HEADER)),
                        Updates.set("body", new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8))));
                durability.awaitDurable();
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.deleteOne(Filters.eq("_id", key));
            }
            wrapped.copyBodyToResponse();
        }
    }

    private boolean orphaned(Document pending) {
        boolean otherProcess = !PROCESS.equals(pending.getString("process"));
        return (soleProcess && otherProcess) || pending.getDate("createdAt").toInstant().isBefore(clock.instant().minus(STALE_PENDING));
    }

    /**
     * What a request that died unanswered did, from the events stored under its key; null if none
     * were. The answer is kept under the key like any other, so later retries replay it.
     */
    private Document recover(String key, Document pending) {
        var stored = engine.findEventsByMetaData(cn.duban.platform.axon.Audit.IDEMPOTENCY_KEY, key);
        if (stored.isEmpty()) {
            return null;
        }
        var events = Json.mapper().createArrayNode();
        for (var e : stored) {
            events.addObject().put("eventId", e.eventId()).put("type", e.payloadType().substring(e.payloadType().lastIndexOf('.') + 1))
                    .put("aggregateId", e.aggregateId()).put("position", e.position());
        }
        var body = Json.mapper().createObjectNode().put("status", "ALREADY_APPLIED")
                .put("message", "该请求已在中断前执行，未重复执行 / this request took effect before the interruption; nothing was done again");
        body.set("events", events);
        Document done = new Document("_id", key).append("state", "DONE").append("fingerprint", pending.getString("fingerprint"))
                .append("createdAt", pending.getDate("createdAt")).append("status", 200)
                .append("contentType", MediaType.APPLICATION_JSON_VALUE).append("body", body.toString()).append("recovered", true)
                .append("position", Long.toString(stored.stream().mapToLong(e -> e.position()).max().orElseThrow()));
        keys.replaceOne(Filters.and(Filters.eq("_id", key), Filters.eq("state", "PENDING")), done);
        durability.awaitDurable();
        return done;
    }

    private void answerFromRecord(Document record, String fingerprint, HttpServletResponse response) throws IOException {
        if (!fingerprint.equals(record.getString("fingerprint"))) {
            writeError(response, 409, new ApiError("CONFLICT",
                    "该 Idempotency-Key 已用于另一个请求 / this Idempotency-Key was used for a different request", HEADER, null));
            return;
        }
        if (!"DONE".equals(record.getString("state"))) {
            writeError(response, 409, new ApiError("CONFLICT",
                    "相同 Idempotency-Key 的请求正在处理 / a request with this Idempotency-Key is still being processed", HEADER, null));
            return;
        }
        response.setStatus(record.getInteger("status"));
        response.setHeader(REPLAYED_HEADER, "true");
        if (record.getString("contentType") != null) {
            response.setContentType(record.getString("contentType"));
        }
        if (record.getString("location") != null) {
            response.setHeader("Location", record.getString("location"));
        }
        if (record.getString("position") != null) {
            response.setHeader(POSITION_HEADER, record.getString("position"));
        }
        byte[] body = record.getString("body").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void writeError(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(Json.mapper().writeValueAsBytes(error));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
