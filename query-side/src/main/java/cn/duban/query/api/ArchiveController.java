package cn.duban.query.api;

import cn.duban.kernel.archive.ArchiveChain;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.query.ScoreQueries;
import cn.duban.query.readmodel.FactEntry;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    public ArchiveController(SequencedMongoEventStorageEngine engine, ScoreQueries scores) {
        this.engine = engine;
        this.scores = scores;
    }

    @GetMapping(produces = NDJSON)
    @Operation(summary = "事件归档 / the event archive (of one unit, or of everything) as NDJSON with a hash chain")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String unit) {
        TreeSet<Long> positions = new TreeSet<>();
        if (unit != null) {
            scores.facts(unit).stream().map(FactEntry::position).forEach(positions::add);
        } else {
            for (long p = 0; p <= engine.headPosition(); p++) {
                positions.add(p);
            }
        }
        StreamingResponseBody body = out -> write(positions, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON))
                .header("Content-Disposition", "attachment; filename=\"duban-archive" + (unit == null ? "" : "-" + unit) + ".ndjson\"")
                .body(body);
    }

    private void write(TreeSet<Long> positions, OutputStream out) throws IOException {
        ArchiveChain chain = new ArchiveChain();
        for (long position : positions) {
            var commit = engine.commitAt(position);
            if (commit.isEmpty()) {
                continue;
            }
            Document c = commit.get();
            for (Document e : c.getList("events", Document.class)) {
                ObjectNode record = MAPPER.createObjectNode();
                record.put("position", position);
                record.put("eventId", e.getString("eventId"));
                record.put("aggregateId", c.getString("aggregateId"));
                record.put("aggregateType", c.getString("aggregateType"));
                record.put("sequence", ((Number) e.get("seq")).longValue());
                record.put("type", e.getString("payloadType"));
                record.put("revision", e.getString("payloadRevision"));
                record.put("recordedAt", e.getString("timestamp"));
                Document payload = e.get("payload", Document.class);
                record.set("payload", payload == null ? MAPPER.nullNode() : MAPPER.readTree(payload.toJson(JSON)));
                Document meta = e.get("metaData", Document.class);
                record.set("metaData", meta == null ? MAPPER.nullNode() : MAPPER.readTree(meta.toJson(JSON)));
                out.write(chain.append(record).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @PostMapping(path = "/verify", consumes = {NDJSON, MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "校验归档 / verify an archive: valid, or the first altered, removed or reordered line")
    public ArchiveChain.Verdict verify(@RequestBody byte[] archive) {
        List<String> lines = new String(archive, StandardCharsets.UTF_8).lines().toList();
        return ArchiveChain.verify(lines);
    }
}
