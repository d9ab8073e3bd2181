package cn.duban.query.audit;

import cn.duban.kernel.archive.ArchiveChain;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import cn.duban.query.assessment.ScoreQueries;
import cn.duban.query.assessment.FactEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The event archive of a unit or of everything, as hash-chained NDJSON, and its verification. */
@RestController
@RequestMapping("/api/admin/archive")
@Tag(name = "运维 Admin")
public class ArchiveController {
    public static final String NDJSON = "application/x-ndjson";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SequencedMongoEventStorageEngine engine;
    private final ScoreQueries scores;

    private final cn.duban.platform.archive.ArchiveKey key;

    public ArchiveController(SequencedMongoEventStorageEngine engine, ScoreQueries scores, cn.duban.platform.archive.ArchiveKey key) {
        this.engine = engine;
        this.scores = scores;
        this.key = key;
    }

    @GetMapping(produces = NDJSON)
    @Operation(summary = "事件归档 / the event archive (of one unit, or of everything) as NDJSON with a hash chain")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String unit) {
        StreamingResponseBody body;
        if (unit != null) {
            TreeSet<Long> positions = new TreeSet<>();
            scores.facts(unit).stream().map(FactEntry::position).forEach(positions::add);
            body = out -> {
                ArchiveChain chain = new ArchiveChain();
                for (long position : positions) {
                    Optional<StoredEvent> event = engine.eventAt(position);
                    if (event.isPresent()) {
                        write(event.get(), chain, out);
                    }
                }
                out.write(chain.seal(key.get()).getBytes(StandardCharsets.UTF_8));
            };
        } else {
            body = out -> {
                ArchiveChain chain = new ArchiveChain();
                engine.forEachEvent(0, e -> {
                    try {
                        write(e, chain, out);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                });
                out.write(chain.seal(key.get()).getBytes(StandardCharsets.UTF_8));
            };
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .header("Content-Disposition", "attachment; filename=\"duban-archive" + (unit == null ? "" : "-" + unit) + ".ndjson\"")
                .body(body);
    }

    /** One line: the event as stored, with its own timestamp and the time the store recorded it. */
    private static void write(StoredEvent e, ArchiveChain chain, OutputStream out) throws IOException {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("position", e.position());
        record.put("eventId", e.eventId());
        record.put("aggregateId", e.aggregateId());
        record.put("aggregateType", e.aggregateType());
        if (e.sequence() != null) {
            record.put("sequence", e.sequence());
        }
        record.put("type", e.payloadType());
        record.put("revision", e.payloadRevision());
        record.put("recordedAt", e.recordedAt().toString());
        record.put("timestamp", e.timestamp().toString());
        record.set("payload", e.payloadText() == null ? MAPPER.nullNode() : MAPPER.readTree(e.payloadText()));
        // The files the event names, by SHA-256: a folder of them can be checked against the archive.
        if (record.path("payload").path("materials").isArray() && !record.path("payload").path("materials").isEmpty()) {
            var hashes = record.putArray("materials");
            record.path("payload").path("materials").forEach(m -> hashes.add(m.path("sha256").asText()));
        }
        Document meta = e.metaData();
        record.set("metaData", meta == null ? MAPPER.nullNode() : MAPPER.readTree(meta.toJson(JSON)));
        out.write(chain.append(record).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping(path = "/verify", consumes = {NDJSON, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "校验归档 / verify an archive: valid, or the first altered, removed or reordered line")
    public ArchiveChain.Verdict verify(@RequestBody byte[] archive) {
        List<String> lines = new String(archive, StandardCharsets.UTF_8).lines().toList();
        return ArchiveChain.verify(lines, key.get());
    }
}
