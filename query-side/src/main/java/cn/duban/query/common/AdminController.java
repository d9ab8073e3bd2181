package cn.duban.query.common;

import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.consistency.ProjectionProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "运维 Admin")
public class AdminController {
    private final EventProcessingConfiguration processing;
    private final ProjectionProgress progress;
    private final SequencedMongoEventStorageEngine engine;

    public AdminController(EventProcessingConfiguration processing, ProjectionProgress progress,
                           SequencedMongoEventStorageEngine engine) {
        this.processing = processing;
        this.progress = progress;
        this.engine = engine;
    }

    /**
     * Drops every read model and replays the whole event store into them. Serialised: a second
     * call while one runs is refused. Waits (up to {@code waitSeconds}) until the replay reaches the
     * position the store had when it began.
     */
    @PostMapping("/projections/rebuild")
    @Operation(summary = "重建读模型 / rebuild all read models from the event store")
    public synchronized ResponseEntity<Map<String, Object>> rebuild(@RequestParam(defaultValue = "600") int waitSeconds) {
        StreamingEventProcessor processor = processing.eventProcessor(ProjectionGroups.PROJECTIONS, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No projections processor in this process"));
        long head = engine.headPosition();
        long started = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        boolean done = progress.awaitPosition(head, Duration.ofSeconds(waitSeconds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", done ? "REBUILT" : "REBUILDING");
        body.put("position", head);
        body.put("millis", (System.nanoTime() - started) / 1_000_000);
        return ResponseEntity.status(done ? HttpStatus.OK : HttpStatus.ACCEPTED).body(body);
    }
}
