package cn.duban.platform.consistency;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code /actuator/health} component "processors": each event processor this process runs, how far it
 * has read the event store and whether it is failing. A handler that fails stops its processor, which
 * retries it (a second after the first failure, up to a minute apart after), rather than skipping the
 * event: no read model then goes on without it. While it fails, the read models it feeds stand still,
 * every read that waits for a command's position answers {@code pending}, and this component says
 * {@code DOWN}, naming the processor, the position it stands at and the failure, so whoever watches
 * the platform sees it at once rather than in the log. It is {@code UP} again with the first batch that
 * goes through.
 */
@Component("processors")
public class ProcessorsHealthIndicator implements HealthIndicator {
    private final EventProcessingConfiguration processing;
    private final SequencedMongoEventStorageEngine engine;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing, SequencedMongoEventStorageEngine engine) {
        this.processing = processing;
        this.engine = engine;
    }

    /** The processors of this process that fail on an event now, by name. */
    public List<String> failing() {
        List<String> failing = new ArrayList<>();
        for (var named : processing.eventProcessors().entrySet()) {
            if (named.getValue() instanceof StreamingEventProcessor processor && failing(processor.processingStatus())) {
                failing.add(named.getKey());
            }
        }
        return failing;
    }

    private static boolean failing(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    @Override
    public Health health() {
        long head = engine.headPosition();
        List<String> failing = new ArrayList<>();
        Map<String, Object> processors = new TreeMap<>();
        for (var named : processing.eventProcessors().entrySet()) {
            if (!(named.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            if (segments.isEmpty()) {
                details.put("heldHere", false); // another replica holds its work, or it has not claimed it yet
            }
            long reached = Long.MAX_VALUE;
            for (EventTrackerStatus segment : segments.values()) {
                OptionalLong position = segment.getCurrentPosition();
                reached = Math.min(reached, position.orElse(-1));
                if (segment.isErrorState()) {
                    Throwable error = segment.getError();
                    details.put("error", error == null ? "unknown" : error.getClass().getSimpleName() + ": " + error.getMessage());
                }
            }
            if (!segments.isEmpty()) {
                details.put("position", reached);
                details.put("behind", Math.max(0, head - reached));
            }
            if (failing(segments)) {
                failing.add(named.getKey());
            }
            processors.put(named.getKey(), details);
        }
        Health.Builder health = failing.isEmpty() ? Health.up() : Health.down()
                .withDetail("failing", failing)
                .withDetail("message", "读模型处理事件出错，已停在出错处并重试 / a processor fails on an event; it stands there and retries");
        return health.withDetail("eventStoreHead", head).withDetail("processors", processors).build();
    }
}
