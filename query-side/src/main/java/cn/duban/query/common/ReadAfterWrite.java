package cn.duban.query.common;

import cn.duban.kernel.error.InvalidInputException;
import cn.duban.platform.DubanProperties;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Read-your-writes for every read: a client passes the position its last command returned in
 * {@value #MIN_POSITION_HEADER}, and each {@code GET} under {@code /api} is answered only once this
 * process's read models include it (up to the configured consistency wait). This serves a client whose
 * commands went to another process (the command side on its own), and a client that asked its
 * commands not to wait for the read models ({@code X-Duban-Consistency: deferred}, as the workbench
 * does) and waits here instead, at its next read.
 * <p>
 * Checked here, once, for every read endpoint, rather than by each controller: a read a controller
 * forgot to make wait would show a clerk the page as it was before their own act. It runs after
 * sign-in (an interceptor runs inside the security filters), so no one unsigned can hold a request thread.
 */
@Component
public class ReadAfterWrite implements HandlerInterceptor, WebMvcConfigurer {
    public static final String MIN_POSITION_HEADER = "X-Duban-Min-Position";
    /** The answer's: {@code visible} once the read models include the position asked for, {@code pending} if the wait ran out. */
    public static final String CONSISTENCY_HEADER = "X-Duban-Consistency";
    private final ProjectionProgress progress;
    private final SequencedMongoEventStorageEngine engine;
    private final DubanProperties props;

    public ReadAfterWrite(ProjectionProgress progress, SequencedMongoEventStorageEngine engine, DubanProperties props) {
        this.progress = progress;
        this.engine = engine;
        this.props = props;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(MIN_POSITION_HEADER);
        if (header != null && "GET".equals(request.getMethod())) {
            // As a command's answer says: whether what it reads includes that position, or the wait ran out.
            response.setHeader(CONSISTENCY_HEADER, await(position(header)) ? "visible" : "pending");
        }
        return true;
    }

    private static long position(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(MIN_POSITION_HEADER, "须为事件位置（整数） / must be an event-store position (a whole number)");
        }
    }

    /**
     * Waits until the read models have passed {@code minPosition}, or the consistency wait is over. A
     * position beyond the store's head is waited for only up to the head: nothing was written there,
     * and naming the future must not hold a request thread for the whole wait.
     */
    public boolean await(long minPosition) {
        if (minPosition < 0 || progress.awaitClaimedPosition(minPosition, Duration.ZERO)) {
            return true;
        }
        return progress.awaitClaimedPosition(Math.min(minPosition, engine.headPosition()), props.consistencyWait());
    }
}
