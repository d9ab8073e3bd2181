package cn.duban.standalone.startup;

import cn.duban.kernel.EventFamily;
import cn.duban.kernel.scoring.TotalsState;
import cn.duban.platform.json.Json;
import cn.duban.query.assessment.ScoreProjection;
import cn.duban.query.audit.AuditProjection;
import cn.duban.query.common.ReadModelJson;
import cn.duban.query.scheme.SchemeView;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Jackson builds a type's reader or writer, and Hibernate Validator a type's constraints, the
 * first time each is used: in a new JVM that fell to the first command (issue 14). This builds them
 * for every request body, every event and the score's read models while the rest of the start goes
 * on, on a thread of its own (the start is mostly one thread; this machine has two cores), and the
 * platform is ready once it is done: an {@link ApplicationRunner}, and readiness follows the runners.
 */
@Component
class FirstUseWarmUp implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstUseWarmUp.class);
    private final RequestMappingHandlerMapping endpoints;
    private final ObjectMapper http;
    private final Validator validator;
    private final Thread preparing;

    FirstUseWarmUp(RequestMappingHandlerMapping requestMappingHandlerMapping, ObjectMapper http, Validator validator) {
        this.endpoints = requestMappingHandlerMapping;
        this.http = http;
        this.validator = validator;
        // Started as soon as what it uses exists, so it runs beside the rest of the start (the other
        // beans, Axon's processors, the web server) rather than after it. Everything it touches is
        // built for concurrent use: Jackson's caches and the validator's metadata.
        this.preparing = new Thread(this::prepare, "first-use-warm-up");
        preparing.setDaemon(true);
        preparing.start();
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        preparing.join(TimeUnit.SECONDS.toMillis(60));
        if (preparing.isAlive()) {
            log.warn("Preparing JSON readers for the first requests took over a minute; the platform accepts requests meanwhile");
        }
    }

    private void prepare() {
        long start = System.nanoTime();
        try {
            Set<Class<?>> bodies = new LinkedHashSet<>();
            endpoints.getHandlerMethods().values().forEach(method -> {
                for (MethodParameter parameter : method.getMethodParameters()) {
                    if (parameter.hasParameterAnnotation(RequestBody.class)) {
                        bodies.add(parameter.getParameterType());
                    }
                }
            });
            for (Class<?> body : bodies) {
                http.readerFor(body);
                validator.getConstraintsForClass(body);
            }
            Set<Class<?>> events = EventFamily.allEvents();
            for (Class<?> event : events) {
                Json.mapper().readerFor(event);
            }
            ReadModelJson.prepare(TotalsState.class, SchemeView.class, ScoreProjection.ScoreTotals.class,
                    ScoreProjection.TimelinePoint.class, AuditProjection.AuditEntry.class);
            log.info("Prepared {} request bodies and {} event types for their first use in {} ms", bodies.size(), events.size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // Only the first requests' speed depends on it: said, and the start goes on.
            log.warn("Could not prepare JSON readers ahead of the first requests; those will take longer", e);
        }
    }
}
