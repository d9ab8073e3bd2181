package cn.duban.standalone;

import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scoring.Fact;
import cn.duban.kernel.scoring.UnitEvent;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.mongo.DurabilityBarrier;
import cn.duban.query.assessment.NoticeMarks;
import cn.duban.query.assessment.ScoreProjection;
import cn.duban.query.assessment.ScoreQueries;
import cn.duban.query.supervision.CopyNoticesProjection;
import cn.duban.query.supervision.SamplingPlansProjection;
import cn.duban.query.common.AdminController;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 14's benchmark: at each store size N it loads the Beilun 2023 scheme and its 44 units, brings
 * the store to N events (a bulk load through the engine, one unit — 新碶 — given about an eighth of
 * them, as the issue's busiest unit), then measures in one run, on the embedded default:
 * commands over HTTP with a web session (1 and 4 clients) and with HTTP Basic, beside raw
 * {@code insertOne} into the same server (4 threads), with the process's CPU per operation; the
 * busiest unit's current and {@code asOf} score (p50/p99 over HTTP on loopback) and the answer's size;
 * its timeline; a full rebuild beside a plain fold of the same events read through the driver; the
 * first command after a restart in this JVM, and in a new one; RSS, live heap after a full GC and the
 * data files beside the events' JSON. Not a test: {@code mvn -B -Dbenchmarks verify -pl standalone -am -Dtest=ScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false
 * [-Dbench.events=10000,100000]}; the table goes to {@code standalone/target/scale-benchmark.md}.
 */
@Tag("benchmark")
class ScaleBenchmark {
    static final MetaData META = MetaData.with("actor", "benchmark");
    static final String PASSWORD = "bench-admin-password";
    static final String BUSY = "xinqi";

    @Test
    void measure() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.events", "10000,100000").split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        Path out = Path.of("target", "scale-benchmark.md");
        StringBuilder table = new StringBuilder("""
                | events | HTTP session, 1 client | HTTP session, 4 clients | HTTP Basic, 1 client | raw insertOne, 4 threads | raw insertOne + H2 commit, 4 threads | 4 clients ÷ raw (÷ raw + commit) | append in-process, 4 threads, processors stopped | append ÷ raw + commit | score p50 / p99: server (round trip) | asOf p50 / p99: server (round trip) | score answer | score, evidenceLimit=5: p50 / p99, server (round trip); answer | asOf, evidenceLimit=5: server (round trip) | timeline (default) | review queue (/api/info-reports/pending): p50 / p99, server (round trip) | closed round's result: first read; p50 / p99, server (round trip) | year-end result: first read; p50 / p99, server (round trip) | results notice draft (表彰, 通报批评): first read; p50 / p99, server (round trip) | published notice (as of its publication): first read; p50 / p99, server (round trip) | Excel export (every unit's card now): first read; p50 / p99, server (round trip) | one evidence event of the busiest unit: first read; p50 / p99, server (round trip) | the busiest unit's records (填报台账, newest 500): first read; p50 / p99, server (round trip) | a supervisor's draw of the busiest unit's 2023 trainings, round trip: the year (its frame); a month, p50 / slowest of 12 | rebuild | plain fold | rebuild ÷ fold | the rebuilt read models written once: BSON, documents; time (as events/s) | rebuild ÷ written once | live heap after GC, caches warm | first command after restart | RSS after restart | live heap after GC, after restart | data files while running: peak in the load and the commands; peak; at the end | data files | events' JSON | new JVM on the store: ready after; first and second command (Basic); its totals warm-up done after (facts, time); then a closed round's result, first read (Basic) |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        // Surefire turns Java assertions on unless told otherwise (the benchmarks profile does); with
        // them on, H2 walks every chunk at each commit, which the jar never does.
        boolean assertions = false;
        assert assertions = true;
        String note = "\nJava assertions: " + (assertions ? "ON (not as the jar runs: the figures are not comparable)" : "off, as the jar runs") + "\n";
        for (int n : sizes) {
            String row = run(n);
            table.append(row).append('\n');
            System.out.println("SCALE " + row);
            Files.writeString(out, table + note);
        }
        System.out.println(table);
    }

    /**
     * What the first run is doing while the data files are sampled. BASELINES are the raw inserts and
     * the engine's appends: the benchmark's own load, not a use of the product.
     */
    enum Phase { LOAD, COMMANDS, BASELINES, READS, REBUILDS, FOLDS, WRITTEN_ONCE }

    String run(int n) throws Exception {
        Path dir = TestData.newDataDir();
        List<String> cells = new ArrayList<>();
        cells.add(String.format("%,d", n));
        ConfigurableApplicationContext ctx = start(dir);
        long eventsJson;
        long running;
        String round;
        // The file's size between the start and the end of the first run, sampled: a size taken once
        // scattered from 78 to 182 MB at 100k, as H2 had or had not yet given back the end of the file.
        // The peak is kept per phase: the rebuilds drop every read model and write it again.
        var sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "data-file-sampler");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Phase> phase = new AtomicReference<>(Phase.LOAD);
        Map<Phase, Long> phasePeaks = new ConcurrentSkipListMap<>();
        sampler.scheduleWithFixedDelay(() -> phasePeaks.merge(phase.get(), sizeOrZero(dir), Math::max), 0, 250, TimeUnit.MILLISECONDS);
        try {
            String base = base(ctx);
            HttpClient http = HttpClient.newHttpClient();
            Api admin = new Api(portOf(ctx), "admin", PASSWORD);
            check(admin.post("/api/units/builtin/beilun", Map.of()));
            check(admin.post("/api/schemes/builtin/beilun-2023", Map.of()));
            check(admin.post("/api/schemes/beilun-2023/publish", Map.of()));
            List<String> units = new ArrayList<>();
            admin.get("/api/units").body().forEach(u -> units.add(u.get("id").asText()));

            SequencedMongoEventStorageEngine engine = ctx.getBean(SequencedMongoEventStorageEngine.class);
            bulkLoad(engine, units, n - (int) engine.headPosition() - 1);
            caughtUp(ctx, engine.headPosition());
            loadSettled(ctx, engine);
            // The asOf reads ask about this instant: after the bulk load, before the commands below.
            Thread.sleep(5);
            String loadedAt = Instant.now().toString();
            Thread.sleep(5);
            // A closed inspection round, as a year has two: the year-end result weighs its scores, and its
            // result scores every unit's baseline, frozen at the round's opening.
            Api supervisor = admin.newUser("bench-supervisor", "SUPERVISOR", null);
            round = supervisor.post("/api/rounds", Map.of("schemeId", "beilun-2023", "kind", "MID_YEAR", "title", "上半年督查",
                    "cutoff", loadedAt)).id();
            check(supervisor.post("/api/rounds/" + round + "/scores", Map.of("unitId", BUSY, "score", 90, "reason", "现场督查")));
            check(supervisor.post("/api/rounds/" + round + "/closure", ""));
            // A results notice published now: whoever opens it later reads the year-end result as of its publication.
            String notice = admin.post("/api/rounds/year-end/beilun-2023/notices", Map.of()).id();

            Session[] sessions = new Session[4];
            for (int i = 0; i < sessions.length; i++) {
                sessions[i] = Session.signIn(http, base, "admin", PASSWORD);
            }
            // The commands first, until the JIT compiler has settled; then the raw inserts, each after a
            // warm-up of its own, nothing else running beside them (the commands' events handled); then
            // the commands again until the compiler has settled (the raw inserts' paths through the
            // server changed what it had compiled), and at once the measured run. Measured first, in a
            // JVM that had not yet compiled the server's paths, the raw inserts ran at half their rate.
            phase.set(Phase.COMMANDS);
            int warmUp = warmUp(http, base, sessions, units);
            MongoClient client = ctx.getBean(MongoClient.class);
            DurabilityBarrier barrier = ctx.getBean("durabilityBarrier", DurabilityBarrier.class);
            caughtUp(ctx, engine.headPosition());
            phase.set(Phase.BASELINES);
            raw(client, 4, 4000, null);
            Rate raw = raw(client, 4, 8000, null);
            raw(client, 4, 2000, barrier);
            Rate rawDurable = raw(client, 4, 4000, barrier);
            // The raw inserts' 18,000 documents are no part of the store: the data files are measured without them.
            client.getDatabase("bench_raw").drop();
            phase.set(Phase.COMMANDS);
            warmUp += warmUp(http, base, sessions, units);
            var jit = ManagementFactory.getCompilationMXBean();
            long compiling = jit.getTotalCompilationTime();
            Rate four = profiled("commands-" + n, () -> commands(http, base, sessions, 4, units, MEASURED_COMMANDS));
            double jitPerCommand = (double) (jit.getTotalCompilationTime() - compiling) / MEASURED_COMMANDS;
            cells.add(commands(http, base, sessions, 1, units, 400).toString());
            cells.add(String.format("%s (JIT compiling %.2f ms of it), after %,d commands' warm-up", four, jitPerCommand, warmUp));
            cells.add(basic(admin, units, 20).toString());
            cells.add(raw.toString());
            cells.add(rawDurable.toString());
            cells.add(String.format("%.3f (%.3f)", four.perSecond / raw.perSecond, four.perSecond / rawDurable.perSecond));
            // The engine alone, as the raw inserts beside it: the read models' processors, which would
            // take their share of the two cores handling each appended event, are stopped meanwhile
            // (once they have handled the commands' events).
            caughtUp(ctx, engine.headPosition());
            phase.set(Phase.BASELINES);
            Rate appends = appendsWithProcessorsStopped(ctx, engine);
            cells.add(appends.toString());
            cells.add(String.format("%.2f", appends.perSecond / rawDurable.perSecond));

            caughtUp(ctx, engine.headPosition());
            phase.set(Phase.READS);
            String scheme = "scheme=beilun-2023";
            cells.add(latency(http, base, sessions[0], "/api/units/" + BUSY + "/score?" + scheme, 400).toString());
            cells.add(latency(http, base, sessions[0], "/api/units/" + BUSY + "/score?" + scheme + "&asOf=" + loadedAt, 400).toString());
            cells.add(kb(sessions[0].get(http, base + "/api/units/" + BUSY + "/score?" + scheme).body().length()));
            // As the workbench asks: five evidence ids per reason, and how many there are.
            String limited = scheme + "&evidenceLimit=5";
            cells.add(latency(http, base, sessions[0], "/api/units/" + BUSY + "/score?" + limited, 400) + "; "
                    + kb(sessions[0].get(http, base + "/api/units/" + BUSY + "/score?" + limited).body().length()));
            cells.add(latency(http, base, sessions[0], "/api/units/" + BUSY + "/score?" + limited + "&asOf=" + loadedAt, 400).toString());
            long t0 = System.nanoTime();
            int timelineSize = sessions[0].get(http, base + "/api/units/" + BUSY + "/timeline?" + scheme).body().length();
            cells.add(kb(timelineSize) + ", " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            // The lead office's review queue (every bulk-loaded report is accepted: none waits), as its
            // overview and its review page ask; until release 17 it read every unit's whole fact log.
            cells.add(latency(http, base, sessions[0], "/api/info-reports/pending", 100).toString());
            // Reads that until release 18 folded or walked every unit's whole fact log (a round's result,
            // the year-end result, the notice's 表彰 and 通报批评) or the unit's (an evidence event): the
            // first read after the commands, then 20 after 2 more (at 1M a published notice took seconds each).
            cells.addAll(profiled("reads-" + n, () -> List.of(
                    firstThenLatency(http, base, sessions[0], "/api/rounds/" + round, 20),
                    firstThenLatency(http, base, sessions[0], "/api/rounds/year-end/beilun-2023", 20),
                    firstThenLatency(http, base, sessions[0], "/api/rounds/year-end/beilun-2023/notice", 20),
                    firstThenLatency(http, base, sessions[0], "/api/notices/" + notice, 20),
                    // The scoring tables as a district files them: every unit's whole card, item by item.
                    firstThenLatency(http, base, sessions[0], "/api/schemes/beilun-2023/export.xlsx", 10))));
            Document firstChunk = ctx.getBean(com.mongodb.client.MongoDatabase.class).getCollection("unit_facts")
                    .find(new Document("key", BUSY).append("n", 0)).first();
            String firstFact = firstChunk.getList("entries", Document.class).get(0).getString("eventId");
            cells.add(firstThenLatency(http, base, sessions[0], "/api/units/" + BUSY + "/events/" + firstFact, 20));
            // The unit's records as 填报台账 lists them: until stop 51 every record of the store was read and sorted.
            cells.add(firstThenLatency(http, base, sessions[0], "/api/records?unitId=" + BUSY, 20));
            cells.add(draws(http, base));

            long events = engine.headPosition() + 1;
            // The faster of two rebuilds, as of the two folds below: treated alike, their ratio does not
            // depend on which of them met a slow moment of the machine.
            phase.set(Phase.REBUILDS);
            ConfigurableApplicationContext rebuilt = ctx;
            double rebuildSeconds = Math.min(profiled("rebuild-" + n, () -> rebuild(rebuilt)), rebuild(ctx));
            phase.set(Phase.FOLDS);
            long[] json = new long[1];
            Serializer serializer = ctx.getBean("eventSerializer", Serializer.class);
            // The faster of two folds, as of the two rebuilds: a single run meets the machine's slow moments.
            double foldSeconds = Math.min(plainFold(engine, serializer, new long[1]), plainFold(engine, serializer, json));
            eventsJson = json[0];
            cells.add(String.format("%,.0f/s", events / rebuildSeconds));
            cells.add(String.format("%,.0f/s", events / foldSeconds));
            cells.add(String.format("%.2f", foldSeconds / rebuildSeconds));
            int writtenOnceCells = cells.size();
            cells.add("");
            cells.add("");
            // What the process holds with its caches warm: every unit's ledger in the score projection,
            // the busiest unit's decoded facts and folded ledgers from the reads above.
            ctx.getBean(ScoreQueries.class).score(BUSY, "beilun-2023", null);
            cells.add(mb(liveHeap()));
            running = sizeOf(dir);
            // Last in this process: the copies it makes leave the file larger until the stop compacts it
            // (made before the folds, at 1M the size at the end read 507 MB).
            phase.set(Phase.WRITTEN_ONCE);
            // The faster of two, as the rebuilds and the folds: two runs at 100k, each of one, took 10.7 s and 2.9 s.
            com.mongodb.client.MongoDatabase db = ctx.getBean(com.mongodb.client.MongoDatabase.class);
            DurabilityBarrier durable = ctx.getBean("durabilityBarrier", DurabilityBarrier.class);
            WrittenOnce first = writtenOnce(db, durable);
            WrittenOnce second = writtenOnce(db, durable);
            WrittenOnce once = first.seconds() <= second.seconds() ? first : second;
            cells.set(writtenOnceCells, String.format("%s, %,d documents; %.1f s (%,.0f/s)", mb(once.bytes()), once.documents(),
                    once.seconds(), events / once.seconds()));
            cells.set(writtenOnceCells + 1, String.format("%.2f", once.seconds() / rebuildSeconds));
            // Collected as after the folds, so that the heap the copies' slices grew is not the restart's
            // RSS below (without this, 5,583 MB at 100k against 2,005 MB).
            liveHeap();
            System.out.println("DATAFILE PEAKS " + n + " " + phasePeaks);
        } finally {
            sampler.shutdownNow();
            ctx.close();
        }
        // Restart on the same store: how long the first command takes once the process says it is up.
        ctx = start(dir);
        try {
            Api admin = new Api(portOf(ctx), "admin", PASSWORD);
            long t0 = System.nanoTime();
            check(admin.post("/api/units/" + BUSY + "/trainings", Map.of("heldOn", "2023-12-01", "topic", "重启后第一条", "attendees", 10, "hours", 1)));
            cells.add((System.nanoTime() - t0) / 1_000_000 + " ms");
            cells.add(mb(rss()));
            cells.add(mb(liveHeap()));
        } finally {
            ctx.close();
        }
        long inUse = Math.max(phasePeaks.getOrDefault(Phase.LOAD, 0L), phasePeaks.getOrDefault(Phase.COMMANDS, 0L));
        // The peak over the run leaves out the copies the written-once limit makes: the benchmark's, not the product's.
        long peak = phasePeaks.entrySet().stream().filter(e -> e.getKey() != Phase.WRITTEN_ONCE).mapToLong(Map.Entry::getValue).max().orElse(0);
        cells.add(mb(inUse) + "; " + mb(peak) + "; " + mb(running));
        cells.add(mb(sizeOf(dir)));
        cells.add(mb(eventsJson));
        cells.add(coldStart(dir, round));
        return "| " + String.join(" | ", cells) + " |";
    }

    static final String WARM_UP_LOGGER = "cn.duban.query.assessment.TotalsWarmUp";
    /** The warm-up's line once its first pass is done: how many facts it folded, in how many ms. */
    static final java.util.regex.Pattern WARMED = java.util.regex.Pattern.compile("totals checkpoints ready: (\\d+) facts folded in (\\d+) ms");

    /**
     * The restart above runs in this warm JVM. This one starts a new JVM on the same store (the test
     * class path, not the packaged jar) and answers when it was ready (health UP) and how long its
     * first two commands took, each with an HTTP Basic sign-in and so with its Argon2 hash; then when
     * its warm-up of the checkpoints kept for totals was done, and the first read of a closed round's
     * result (every unit's baseline) after it.
     */
    static String coldStart(Path dir, String round) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolveSibling(dir.getFileName() + "-cold-start.log");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DubanApplication.class.getName(),
                "--duban.data-dir=" + dir, "--server.port=" + port, "--duban.mongodb-uri=", "--duban.admin-password=" + PASSWORD,
                "--duban.deadlines.initial-delay=PT24H", "--logging.level.root=WARN",
                "--logging.level." + WARM_UP_LOGGER + "=INFO")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the cold start ended: " + Files.readString(log));
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notListeningYet) {
                    // the server is not up yet
                }
                if (System.nanoTime() - t0 > 300_000_000_000L) {
                    throw new IllegalStateException("the cold start was not ready within 5 minutes");
                }
                Thread.sleep(50);
            }
            long ready = (System.nanoTime() - t0) / 1_000_000;
            Api admin = new Api(port, "admin", PASSWORD);
            List<String> commands = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                long c0 = System.nanoTime();
                check(admin.post("/api/units/" + BUSY + "/trainings", Map.of("heldOn", "2023-12-0" + i, "topic", "冷启动后第" + i + "条",
                        "attendees", 10, "hours", 1)));
                commands.add((System.nanoTime() - c0) / 1_000_000 + " ms");
            }
            // A supervisor opening the rounds page once the warm-up's first pass has built every unit's
            // checkpoints (TotalsWarmUp, 10 s after ready): each unit's baseline folds one stretch. Read at
            // once after the commands, the page waited for every unit's whole log to be folded by a JVM
            // still compiling: 15.8 s at 1M without the warm-up (one run), 20.0 s with it begun at once.
            java.util.regex.Matcher warmed;
            while (!(warmed = WARMED.matcher(new String(Files.readAllBytes(log), StandardCharsets.UTF_8))).find()) {
                if (!process.isAlive() || System.nanoTime() - t0 > 600_000_000_000L) {
                    throw new IllegalStateException("no warm-up within 10 minutes: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            long warmedAfter = (System.nanoTime() - t0) / 1_000_000 - ready;
            long r0 = System.nanoTime();
            Api.Response result = admin.get("/api/rounds/" + round);
            if (result.status() != 200) {
                throw new IllegalStateException("the round's result after the cold start: " + result.status());
            }
            return String.format("%.1f s; %s; %.1f s (%s facts in %s ms); %d ms", ready / 1000.0, String.join(", ", commands),
                    warmedAfter / 1000.0, warmed.group(1), warmed.group(2), (System.nanoTime() - r0) / 1_000_000);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The read models a rebuild writes: those the rebuild-equals-live test compares, and the ones it
     * does not (the ledgers' checkpoints, the notices' marks, copy notices, sampling plans). Named, not
     * found by elimination, so that a collection of another processor never counts towards the limit
     * below. The tiny record of read-model upgrades is left out.
     */
    static final List<String> READ_MODELS = java.util.stream.Stream.concat(ReadModelRebuildIT.READ_MODELS.stream(),
            java.util.stream.Stream.of(ScoreProjection.LEDGERS, NoticeMarks.COLLECTION, CopyNoticesProjection.COLLECTION,
                    SamplingPlansProjection.COLLECTION)).toList();

    record WrittenOnce(long bytes, long documents, double seconds) {
    }

    /**
     * The limit a rebuild's writes are compared with: every document the rebuild left in the read
     * models, inserted once more into an empty copy of its collection with the same indexes, in
     * batches of 1,000 (unordered), as the BSON it is stored as, so that the driver encodes nothing.
     * A rebuild writes at least these documents, and builds and encodes them besides. The copies are
     * made in slices of up to 32 MB, each read first; then, once the store has committed what came
     * before, the slice's inserts and the commit that makes them durable are timed. The syncer's
     * work on them (H2 writing and compressing their pages) is what a rebuild's writes cost most, so
     * it must fall inside the time: inserts timed alone left most of it to the untimed reads between
     * them. Each copy is dropped after it is made.
     */
    static WrittenOnce writtenOnce(com.mongodb.client.MongoDatabase db, DurabilityBarrier barrier) {
        Set<String> present = db.listCollectionNames().into(new HashSet<>());
        long bytes = 0;
        long documents = 0;
        long nanos = 0;
        for (String name : READ_MODELS) {
            if (!present.contains(name)) {
                continue;
            }
            String copyName = "written_once_" + name;
            db.getCollection(copyName).drop();
            db.createCollection(copyName);
            List<Document> indexes = new ArrayList<>();
            for (Document index : db.getCollection(name).listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    index.remove("v");
                    index.remove("ns");
                    indexes.add(index);
                }
            }
            if (!indexes.isEmpty()) {
                db.runCommand(new Document("createIndexes", copyName).append("indexes", indexes));
            }
            com.mongodb.client.MongoCollection<RawBsonDocument> copy = db.getCollection(copyName, RawBsonDocument.class);
            long collectionNanos = 0;
            long collectionBytes = 0;
            long collectionDocuments = 0;
            try (com.mongodb.client.MongoCursor<RawBsonDocument> each = db.getCollection(name, RawBsonDocument.class).find()
                    .batchSize(WRITTEN_ONCE_BATCH).iterator()) {
                while (each.hasNext()) {
                    List<RawBsonDocument> slice = new ArrayList<>();
                    long sliceBytes = 0;
                    while (each.hasNext() && sliceBytes < WRITTEN_ONCE_SLICE) {
                        RawBsonDocument d = each.next();
                        slice.add(d);
                        sliceBytes += d.getByteBuffer().remaining();
                    }
                    barrier.awaitDurable();
                    long t0 = System.nanoTime();
                    for (int from = 0; from < slice.size(); from += WRITTEN_ONCE_BATCH) {
                        copy.insertMany(slice.subList(from, Math.min(slice.size(), from + WRITTEN_ONCE_BATCH)),
                                new com.mongodb.client.model.InsertManyOptions().ordered(false));
                    }
                    barrier.awaitDurable();
                    collectionNanos += System.nanoTime() - t0;
                    collectionBytes += sliceBytes;
                    collectionDocuments += slice.size();
                }
            }
            copy.drop();
            System.out.printf("WRITTEN ONCE %s: %,d documents, %,d bytes, %.3f s%n", name, collectionDocuments, collectionBytes, collectionNanos / 1e9);
            bytes += collectionBytes;
            documents += collectionDocuments;
            nanos += collectionNanos;
        }
        return new WrittenOnce(bytes, documents, nanos / 1e9);
    }

    private static final long WRITTEN_ONCE_SLICE = 32L << 20;
    private static final int WRITTEN_ONCE_BATCH = 1_000;

    static double rebuild(ConfigurableApplicationContext ctx) {
        long r0 = System.nanoTime();
        Map<String, Object> rebuilt = ctx.getBean(AdminController.class).rebuild(3600).getBody();
        if (!"REBUILT".equals(rebuilt.get("status"))) {
            throw new IllegalStateException("rebuild: " + rebuilt);
        }
        return (System.nanoTime() - r0) / 1e9;
    }

    /**
     * The server's time for each read of a unit, by path and query: from before the first filter
     * until the answer is written. Issue 14's score goal is server time; the client's round trip
     * also holds its own work (the JDK client decoding a 3.9 MB answer to a string took more
     * thread samples at 1M than the server writing it).
     */
    static final Map<String, ConcurrentLinkedQueue<Long>> SERVER_NANOS = new ConcurrentHashMap<>();

    /**
     * Durable appends through the engine alone, the processors stopped meanwhile. A method of its own so
     * that nothing of the context stays on {@link #run}'s frame: a heap dump taken after the restart found
     * the first context kept whole from the main thread's frame, through the processors' list held
     * there (a frame may keep a local after its block ends, until the slot is used again).
     */
    private static Rate appendsWithProcessorsStopped(ConfigurableApplicationContext ctx, SequencedMongoEventStorageEngine engine) throws Exception {
        var processors = ctx.getBean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().values();
        processors.forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
        try {
            appends(engine, 4, 2000);
            return appends(engine, 4, 4000);
        } finally {
            processors.forEach(org.axonframework.eventhandling.EventProcessor::start);
        }
    }

    static ConfigurableApplicationContext start(Path dir) {
        SpringApplication app = new SpringApplication(DubanApplication.class);
        app.addInitializers(ctx -> ((GenericApplicationContext) ctx).registerBean("benchmarkServerTimes", FilterRegistrationBean.class, () -> {
            FilterRegistrationBean<Filter> timed = new FilterRegistrationBean<>((request, response, chain) -> {
                long t0 = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    HttpServletRequest http = (HttpServletRequest) request;
                    SERVER_NANOS.computeIfAbsent(http.getRequestURI() + "?" + http.getQueryString(), k -> new ConcurrentLinkedQueue<>())
                            .add(System.nanoTime() - t0);
                }
            });
            timed.addUrlPatterns("/api/units/*", "/api/info-reports/*", "/api/rounds/*", "/api/notices/*", "/api/schemes/*", "/api/records");
            timed.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return timed;
        }));
        return app.run("--duban.data-dir=" + dir, "--server.port=0", "--duban.mongodb-uri=",
                "--duban.admin-password=" + PASSWORD, "--duban.deadlines.initial-delay=PT24H", "--logging.level.root=WARN");
    }

    static int portOf(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    static String base(ConfigurableApplicationContext ctx) {
        return "http://localhost:" + portOf(ctx);
    }

    static void check(Api.Response r) {
        if (r.status() >= 300) {
            throw new IllegalStateException(r.status() + " " + r.raw().body());
        }
    }

    /** Waits until every read model includes {@code position}. */
    static void caughtUp(ConfigurableApplicationContext ctx, long position) {
        if (!ctx.getBean(cn.duban.platform.consistency.ProjectionProgress.class).awaitPosition(position, java.time.Duration.ofMinutes(30))) {
            throw new IllegalStateException("read models did not catch up with " + position);
        }
    }

    /**
     * What a store's arrival sets going once in the background, done before anything is measured, as
     * the read models' catching up is: the sampling frames' index handles the loaded events, and the
     * checkpoints kept for totals fold the loaded facts (the warm-up's pass, a minute after its last:
     * left to run, it landed in whichever phase came then, in a JFR recording of the 4-client commands
     * at 100k a tenth of the CPU; at 1M it folds the load's last minute, 2.6 s).
     */
    static void loadSettled(ConfigurableApplicationContext ctx, SequencedMongoEventStorageEngine engine) {
        long head = engine.headPosition();
        var indexed = ctx.getBean(cn.duban.command.supervision.CurrentSamplingFrame.class).awaitIndex(head, java.time.Duration.ofMinutes(30));
        if (indexed != cn.duban.platform.consistency.ProjectionProgress.Reached.YES) {
            throw new IllegalStateException("the sampling frames' index did not catch up with " + head + ": " + indexed);
        }
        ctx.getBean(cn.duban.query.assessment.ScoreQueries.class).keepTotalsCheckpointsWarm();
    }

    /** Appends {@code count} events of a plausible year: trainings, reports and their acceptance, figures, achievements. */
    static void bulkLoad(SequencedMongoEventStorageEngine engine, List<String> units, int count) {
        Random random = new Random(42);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        List<DomainEventMessage<?>> acceptances = new ArrayList<>();
        int written = 0;
        int i = 0;
        while (written < count) {
            String unit = random.nextInt(8) == 0 ? BUSY : units.get(random.nextInt(units.size()));
            String id = "bench-" + (i++);
            LocalDate on = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
            switch (random.nextInt(5)) {
                case 0, 4 -> batch.add(new GenericDomainEventMessage<>("Training", id, 0,
                        new TrainingRecorded(id, unit, on, "培训", 30, BigDecimal.ONE), META));
                case 1 -> {
                    batch.add(new GenericDomainEventMessage<>("InfoReport", id, 0, new InfoReportSubmitted(id, unit, "信息", on), META));
                    acceptances.add(new GenericDomainEventMessage<>("InfoReport", id, 1, new InfoReportAccepted(id, unit, InfoLevel.GENERAL, on), META));
                    written++;
                }
                case 2 -> batch.add(new GenericDomainEventMessage<>("IndicatorReport", id, 0,
                        new IndicatorReported(id, unit, "registration_rate", 2023, BigDecimal.valueOf(90 + random.nextInt(10)), null, null), META));
                default -> batch.add(new GenericDomainEventMessage<>("Achievement", id, 0,
                        new AchievementRecorded(id, unit, FactKind.MEDIA_PUBLICATION, "CITY", "报道", on), META));
            }
            written++;
            if (batch.size() >= 200) {
                engine.appendEvents(batch);
                engine.appendEvents(acceptances);
                batch.clear();
                acceptances.clear();
            }
        }
        engine.appendEvents(batch);
        engine.appendEvents(acceptances);
    }

    /** Commands per second and CPU per command: trainings recorded over HTTP with a web session by {@code clients} clients. */
    static final int MEASURED_COMMANDS = 1600;
    static final int WARM_UP_ROUNDS_AT_MOST = 16;

    /**
     * Commands with 4 clients, in rounds of {@link #MEASURED_COMMANDS}, until the JIT compiler's time in
     * a round is under 5 % of the round's CPU (or {@link #WARM_UP_ROUNDS_AT_MOST} rounds); answers how
     * many commands that took. On two cores the compiler takes its time: a fixed warm-up of 3,000
     * commands left it compiling 2.8 ms of every command of the next 1,600 (of 6.4 ms of CPU), and
     * still 0.6 ms after 11,000 more (of 3.9 ms), by the JVM's own count
     * ({@code CompilationMXBean}); the measured figure was the compiler's as much as the commands'.
     */
    static int warmUp(HttpClient http, String base, Session[] sessions, List<String> units) throws Exception {
        var jit = ManagementFactory.getCompilationMXBean();
        int commands = 0;
        for (int round = 0; round < WARM_UP_ROUNDS_AT_MOST; round++) {
            long compiling = jit.getTotalCompilationTime();
            Rate rate = commands(http, base, sessions, 4, units, MEASURED_COMMANDS);
            commands += MEASURED_COMMANDS;
            double compiledMillis = jit.getTotalCompilationTime() - compiling;
            if (compiledMillis < 0.05 * rate.cpuMillisPerOp() * MEASURED_COMMANDS) {
                break;
            }
        }
        return commands;
    }

    /**
     * Commands as the workbench sends them: each answered once durable ({@code X-Duban-Consistency:
     * deferred}), the read models waited for at the client's next read. So that their work counts, the
     * run ends with that read: one read naming the highest position any session was answered with, which returns once every
     * read model this process holds includes every command (since stop 61; before, each command's
     * answer waited for them).
     */
    static Rate commands(HttpClient http, String base, Session[] sessions, int clients, List<String> units, int total) throws Exception {
        return inParallel(clients, total, (client, i) -> {
            String unit = units.get((int) (i % units.size()));
            HttpResponse<String> r = sessions[client].post(http, base + "/api/units/" + unit + "/trainings",
                    "{\"heldOn\":\"2023-06-01\",\"topic\":\"压测培训\",\"attendees\":20,\"hours\":1}");
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
        }, () -> {
            long highest = Arrays.stream(sessions).mapToLong(s -> s.position().get()).max().orElseThrow();
            HttpResponse<String> read = sessions[0].readAfter(http, base + "/api/units", highest);
            if (read.statusCode() != 200 || !"visible".equals(read.headers().firstValue("X-Duban-Consistency").orElse(null))) {
                throw new IllegalStateException("the read models did not catch up: " + read.statusCode() + " " + read.headers().map());
            }
            return null;
        });
    }

    /**
     * Runs {@code measured}; with {@code -Dbench.jfr=DIR}, under a JFR recording (the JDK's "profile"
     * settings) saved as {@code DIR/NAME.jfr}, so that a profile covers the measured commands (or
     * the reads for every unit, or a rebuild) and nothing else of the run.
     */
    static <T> T profiled(String name, java.util.concurrent.Callable<T> measured) throws Exception {
        String dir = System.getProperty("bench.jfr");
        if (dir == null) {
            return measured.call();
        }
        try (var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.start();
            T result = measured.call();
            recording.stop();
            Files.createDirectories(Path.of(dir));
            recording.dump(Path.of(dir, name + ".jfr"));
            return result;
        }
    }

    /** One operation of a measured run: the {@code i}th, by thread {@code thread}. */
    interface Operation {
        void run(int thread, long i) throws Exception;
    }

    /** Operations 0 to {@code total - 1} shared out among {@code threads} threads; their rate and CPU each. */
    static Rate inParallel(int threads, int total, Operation operation) throws Exception {
        return inParallel(threads, total, operation, () -> null);
    }

    /** The same, with {@code last} run once every operation is done, inside the measured time and CPU. */
    static Rate inParallel(int threads, int total, Operation operation, Callable<?> last) throws Exception {
        AtomicLong next = new AtomicLong();
        Lap lap = Lap.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (long i; (i = next.getAndIncrement()) < total; ) {
                        operation.run(thread, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        last.call();
        return lap.rate(total);
    }

    /** The same command with HTTP Basic: the password hashed on every request. */
    static Rate basic(Api admin, List<String> units, int total) {
        Lap lap = Lap.start();
        for (int i = 0; i < total; i++) {
            check(admin.post("/api/units/" + units.get(i % units.size()) + "/trainings",
                    Map.of("heldOn", "2023-06-02", "topic", "压测培训", "attendees", 20, "hours", 1)));
        }
        return lap.rate(total);
    }

    /**
     * Raw insertOne of a document like an event commit into the same embedded server, by {@code threads}
     * threads; with a barrier, each insert is followed by the H2 commit an append waits for.
     */
    static Rate raw(MongoClient client, int threads, int total, DurabilityBarrier barrier) throws Exception {
        var collection = client.getDatabase("bench_raw").getCollection(barrier == null ? "c" : "durable");
        long offset = collection.countDocuments();
        collection.createIndex(new Document("k", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        String payload = "{\"trainingId\":\"x\",\"unitId\":\"xinqi\",\"heldOn\":\"2023-06-01\",\"topic\":\"压测培训\",\"attendees\":20,\"hours\":1}";
        return inParallel(threads, total, (thread, i) -> {
            long id = offset + i;
            collection.insertOne(new Document("_id", id).append("k", "Training#" + id).append("recordedAt", new java.util.Date())
                    .append("events", List.of(new Document("eventId", "e" + id).append("payloadType", "TrainingRecorded")
                            .append("payload", Document.parse(payload)))));
            if (barrier != null) {
                barrier.awaitDurable();
            }
        });
    }

    /** Durable appends of one event each through the engine alone, by {@code threads} threads: the store's part of a command. */
    static Rate appends(SequencedMongoEventStorageEngine engine, int threads, int total) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        return inParallel(threads, total, (thread, i) -> {
            String id = "append-" + run + "-" + i;
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("Training", id, 0,
                    new TrainingRecorded(id, BUSY, LocalDate.of(2023, 6, 3), "培训", 30, BigDecimal.ONE), META)));
        });
    }

    /** p50 and p99 of {@code count} reads after 100 warm-up reads, on the server and round trip. */
    static Latency latency(HttpClient http, String base, Session s, String path, int count) throws Exception {
        return latency(http, base, s, path, 100, count);
    }

    /**
     * A supervisor's draws of the busiest unit's trainings held in 2023, round trip: the year's, then
     * each month's (p50 and the slowest of twelve). Until stop 54 a draw's frame was read by scanning
     * the event store: at 1M it failed after half a minute, the year's records more than the embedded
     * server sends in one reply.
     */
    static String draws(HttpClient http, String base) throws Exception {
        // The supervisor who closed the round above, with a web session.
        Session supervisor = Session.signIn(http, base, "bench-supervisor", "bench-supervisor-password");
        java.time.LocalDate year = java.time.LocalDate.of(2023, 1, 1);
        java.time.LocalDate end = year.withDayOfYear(year.lengthOfYear());
        long yearMillis = draw(http, base, supervisor, year, end);
        String id = URLEncoder.encode("sample:" + BUSY + ":TRAINING:" + year + ":" + end, StandardCharsets.UTF_8);
        int population = new com.fasterxml.jackson.databind.ObjectMapper().readTree(supervisor.get(http, base + "/api/samples/" + id).body())
                .get("sample").get("population").size();
        long[] months = new long[12];
        for (int m = 0; m < 12; m++) {
            java.time.LocalDate first = year.plusMonths(m);
            months[m] = draw(http, base, supervisor, first, first.plusMonths(1).minusDays(1));
        }
        Arrays.sort(months);
        return String.format("%d ms (%,d in its frame); %d / %d ms", yearMillis, population, months[6], months[11]);
    }

    /** One draw of the busiest unit's trainings in the period: its round trip in milliseconds. */
    static long draw(HttpClient http, String base, Session supervisor, java.time.LocalDate from, java.time.LocalDate to) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = supervisor.post(http, base + "/api/samples", "{\"unitId\":\"" + BUSY + "\",\"kind\":\"TRAINING\","
                + "\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"size\":20}");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (r.statusCode() != 201) {
            throw new IllegalStateException("draw " + from + ".." + to + ": " + r.statusCode() + " " + r.body());
        }
        return millis;
    }

    /** The first read's round trip, then {@link #latency} of {@code count} reads after 2 warm-up reads. */
    static String firstThenLatency(HttpClient http, String base, Session s, String path, int count) throws Exception {
        // The server may record the first read just after the client has it: not among the timed reads.
        // Emptied first: the reads of this path at a smaller size are still there.
        URI uri = URI.create(base + path);
        ConcurrentLinkedQueue<Long> server = SERVER_NANOS.computeIfAbsent(uri.getRawPath() + "?" + uri.getRawQuery(), k -> new ConcurrentLinkedQueue<>());
        server.clear();
        long t0 = System.nanoTime();
        HttpResponse<String> first = s.read(http, base + path);
        long firstMillis = (System.nanoTime() - t0) / 1_000_000;
        if (first.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + first.statusCode() + " " + first.body());
        }
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.isEmpty() && System.nanoTime() < waitUntil) {
            Thread.sleep(1);
        }
        return firstMillis + " ms; " + latency(http, base, s, path, 2, count);
    }

    /** p50 and p99 of {@code count} reads after {@code warmUps} warm-up reads, on the server and round trip. */
    static Latency latency(HttpClient http, String base, Session s, String path, int warmUps, int count) throws Exception {
        URI uri = URI.create(base + path);
        ConcurrentLinkedQueue<Long> server = SERVER_NANOS.computeIfAbsent(uri.getRawPath() + "?" + uri.getRawQuery(), k -> new ConcurrentLinkedQueue<>());
        server.clear();
        for (int i = 0; i < warmUps; i++) {
            s.read(http, base + path);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = s.read(http, base + path);
            nanos[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
        }
        // The filter records a read once its answer is written, which may be just after the client has it.
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.size() < warmUps + count && System.nanoTime() < waitUntil) {
            Thread.sleep(1);
        }
        Long[] recorded = server.toArray(Long[]::new);
        if (recorded.length != warmUps + count) {
            throw new IllegalStateException("the server timed " + recorded.length + " reads of " + path + ", not " + (warmUps + count));
        }
        long[] onServer = Arrays.stream(recorded).skip(warmUps).mapToLong(Long::longValue).sorted().toArray();
        Arrays.sort(nanos);
        return new Latency(p(onServer, 0.5), p(onServer, 0.99), p(nanos, 0.5), p(nanos, 0.99));
    }

    /** The {@code q} quantile of sorted nanoseconds, in milliseconds. */
    private static double p(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    /**
     * The limit a rebuild is compared with: every event read through the driver, its payload decoded
     * by the same serializer, and its scoring fact collected per unit. Nothing is scored or written,
     * so this is a lower bound on any rebuild's work, below issue 14's "fold into the same ledger".
     */
    static double plainFold(SequencedMongoEventStorageEngine engine, Serializer serializer, long[] jsonBytes) {
        long t0 = System.nanoTime();
        Map<String, List<Fact>> ledgers = new HashMap<>();
        engine.forEachEvent(0, e -> {
            String text = e.payloadText();
            jsonBytes[0] += text.getBytes(StandardCharsets.UTF_8).length;
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(text, String.class,
                    new SimpleSerializedType(e.payloadType(), e.payloadRevision())));
            if (payload instanceof UnitEvent u) {
                u.fact(e.eventId(), e.recordedAt()).ifPresent(f -> ledgers.computeIfAbsent(u.unitId(), k -> new ArrayList<>()).add(f));
            }
        });
        long facts = ledgers.values().stream().mapToLong(List::size).sum();
        if (facts == 0) {
            throw new IllegalStateException("nothing folded");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /**
     * The heap in use right after the last collection, as the collector reports it: the heap's
     * current use would also count what other threads allocated since (after a restart H2 rewrites
     * chunks in the background).
     */
    static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /** As {@link #sizeOf}, or 0 when a file went away while it was read (H2 writes no other file; said on the error stream). */
    static long sizeOrZero(Path dir) {
        try {
            return sizeOf(dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            System.err.println("data-file sample skipped: " + e);
            return 0;
        }
    }

    static long sizeOf(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static String kb(long bytes) {
        return String.format("%,.0f KB", bytes / 1024.0);
    }

    static String mb(long bytes) {
        return String.format("%,.0f MB", bytes / 1024.0 / 1024.0);
    }

    record Rate(double perSecond, double cpuMillisPerOp) {
        @Override
        public String toString() {
            return String.format("%,.0f/s, %.2f ms CPU", perSecond, cpuMillisPerOp);
        }
    }

    /** On the server, and the client's round trip in brackets. */
    record Latency(double serverP50, double serverP99, double p50, double p99) {
        @Override
        public String toString() {
            return String.format("%.1f / %.1f ms (%.1f / %.1f ms)", serverP50, serverP99, p50, p99);
        }
    }

    record Lap(long wall, long cpu) {
        static Lap start() {
            return new Lap(System.nanoTime(), processCpu());
        }

        Rate rate(int operations) {
            double seconds = (System.nanoTime() - wall) / 1e9;
            return new Rate(operations / seconds, (processCpu() - cpu) / 1e6 / operations);
        }

        static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /**
     * A signed-in web session: its cookie and CSRF token, as the browser holds them, and, as the
     * workbench keeps it, the highest position its commands were answered with, which its reads send.
     */
    record Session(String cookies, String csrf, AtomicLong position) {
        Session(String cookies, String csrf) {
            this(cookies, csrf, new AtomicLong(-1));
        }

        static Session signIn(HttpClient http, String base, String user, String password) throws Exception {
            HttpClient noRedirect = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = noRedirect.send(HttpRequest.newBuilder(URI.create(base + "/login.html")).build(), HttpResponse.BodyHandlers.ofString());
            String csrf = SecurityIT.cookie(page, "XSRF-TOKEN");
            HttpResponse<String> in = noRedirect.send(SecurityIT.form(base + "/login", "username=" + user + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf, "XSRF-TOKEN=" + csrf), HttpResponse.BodyHandlers.ofString());
            // A refused sign-in is sent back to the form, with a session of its own (holding the failure).
            if (in.headers().firstValue("Location").orElse("").contains("login")) {
                throw new IllegalStateException(user + " could not sign in: " + in.statusCode() + " " + in.headers().firstValue("Location").orElse(""));
            }
            String session = "SESSION=" + SecurityIT.cookie(in, "SESSION");
            HttpResponse<String> me = noRedirect.send(HttpRequest.newBuilder(URI.create(base + "/api/me")).header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = SecurityIT.cookie(me, "XSRF-TOKEN");
            return new Session(session + "; XSRF-TOKEN=" + token, token);
        }

        HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Cookie", cookies)
                    .header("X-XSRF-TOKEN", csrf).header("X-Requested-With", "XMLHttpRequest").header("X-Duban-Consistency", "deferred")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            answer.headers().firstValue("X-Duban-Position").ifPresent(p -> position.accumulateAndGet(Long.parseLong(p), Math::max));
            return answer;
        }

        /** A read that waits until the read models include {@code position}, as the workbench's reads after a command. */
        HttpResponse<String> readAfter(HttpClient http, String url, long after) throws Exception {
            return http.send(request(url, after), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(HttpClient http, String url) throws Exception {
            return http.send(request(url), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * The answer read to its end and dropped, as the timed reads take it. Decoded into a string,
         * a 3.9 MB answer made this JVM's own client allocate humongous arrays at every read, and the
         * collections they set off paused the server beside it (GC log of a 1M run, release 13):
         * a client in another process does not. An answer other than 200 is kept as text (its body
         * null otherwise), so a failed read says what the server answered that time.
         */
        HttpResponse<String> read(HttpClient http, String url) throws Exception {
            return http.send(request(url), info -> info.statusCode() == 200
                    ? HttpResponse.BodySubscribers.replacing(null)
                    : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        }

        private HttpRequest request(String url) {
            return request(url, position.get());
        }

        private HttpRequest request(String url, long after) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).header("X-Requested-With", "XMLHttpRequest");
            return (after < 0 ? b : b.header("X-Duban-Min-Position", Long.toString(after))).build();
        }
    }
}
