package cn.duban.standalone;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoReportAccepted;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.scheme.SchemeDrafted;
import cn.duban.kernel.scheme.SchemePublished;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.unit.UnitRegistered;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.reporting.InfoLevel;
import cn.duban.kernel.unit.UnitType;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.query.common.AdminController;
import cn.duban.query.common.ProjectionGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures a full rebuild of the read models on the embedded default at 10k, 50k and 100k events
 * (a year of 40 units' facts). Not a test: run with {@code mvn -Dbenchmarks verify -pl standalone -am
 * -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; results go to
 * {@code standalone/target/replay-benchmark.txt}.
 */
@Tag("benchmark")
class ReplayBenchmark {
    static final MetaData META = MetaData.with("actor", "benchmark");

    @Test
    void rebuildTimeGrowsLinearlyWithTheNumberOfEvents() throws IOException, InterruptedException {
        Path out = Path.of("target", "replay-benchmark.txt");
        Files.writeString(out, "events\tmillis\tevents/s\n");
        for (int n : new int[]{10_000, 50_000, 100_000}) {
            Path dir = TestData.newDataDir();
            try (ConfigurableApplicationContext ctx = new SpringApplication(DubanApplication.class).run(
                    "--duban.data-dir=" + dir, "--server.port=0", "--duban.mongodb-uri=")) {
                StreamingEventProcessor processor = ctx.getBean(EventProcessingConfiguration.class)
                        .eventProcessor(ProjectionGroups.PROJECTIONS, StreamingEventProcessor.class).orElseThrow();
                // Shut down only once it runs: stopping a processor while it is still starting leaves
                // Axon's worker launcher unable to start it again.
                long until = System.nanoTime() + 30_000_000_000L;
                while (processor.processingStatus().isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                processor.shutDown();
                int stored = generate(ctx.getBean(SequencedMongoEventStorageEngine.class), n);
                long t0 = System.nanoTime();
                Map<String, Object> result = ctx.getBean(AdminController.class).rebuild(1800).getBody();
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(result).containsEntry("status", "REBUILT");
                String line = stored + "\t" + millis + "\t" + (stored * 1000L / Math.max(1, millis)) + "\n";
                System.out.print("REPLAY " + line);
                Files.writeString(out, line, StandardOpenOption.APPEND);
            }
        }
    }

    /** Appends {@code n} events of a plausible year directly to the store, 200 commits per call. */
    static int generate(SequencedMongoEventStorageEngine engine, int n) throws IOException {
        Random random = new Random(42);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int units = 40;
        for (int u = 0; u < units; u++) {
            batch.add(new GenericDomainEventMessage<>("Unit", AggregateIds.unit("u" + u), 0,
                    new UnitRegistered("u" + u, "单位" + u, u < 10 ? UnitType.STREET : UnitType.DEPARTMENT), META));
        }
        var scheme = Workload.scheme(Workload.SCHEME_JSON);
        batch.add(new GenericDomainEventMessage<>("Scheme", AggregateIds.scheme("beilun-2023"), 0, new SchemeDrafted("beilun-2023", 1, scheme), META));
        engine.appendEvents(batch);
        batch.clear();
        // One event per aggregate per append, as the production store requires (one event per commit).
        batch.add(new GenericDomainEventMessage<>("Scheme", AggregateIds.scheme("beilun-2023"), 1, new SchemePublished("beilun-2023", 1, 2023), META));
        int count = units + 2;
        List<DomainEventMessage<?>> acceptances = new ArrayList<>();
        int i = 0;
        while (count < n) {
            String unit = "u" + random.nextInt(units);
            String id = "f" + (i++);
            LocalDate on = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
            switch (random.nextInt(5)) {
                case 0 -> batch.add(new GenericDomainEventMessage<>("Training", id, 0,
                        new TrainingRecorded(id, unit, on, "培训", 30, BigDecimal.ONE), META));
                case 1 -> {
                    batch.add(new GenericDomainEventMessage<>("InfoReport", id, 0, new InfoReportSubmitted(id, unit, "信息", on), META));
                    acceptances.add(new GenericDomainEventMessage<>("InfoReport", id, 1, new InfoReportAccepted(id, unit, InfoLevel.GENERAL, on), META));
                    count++;
                }
                case 2 -> batch.add(new GenericDomainEventMessage<>("IndicatorReport", id, 0,
                        new IndicatorReported(id, unit, "registration_rate", 2023, BigDecimal.valueOf(90 + random.nextInt(10)), null, null), META));
                case 3 -> batch.add(new GenericDomainEventMessage<>("Achievement", id, 0,
                        new AchievementRecorded(id, unit, FactKind.MEDIA_PUBLICATION, "CITY", "报道", on), META));
                default -> batch.add(new GenericDomainEventMessage<>("Training", id, 0,
                        new TrainingRecorded(id, unit, on, "培训", 25, BigDecimal.ONE), META));
            }
            count++;
            if (batch.size() >= 200) {
                engine.appendEvents(batch);
                batch.clear();
                engine.appendEvents(acceptances);
                acceptances.clear();
            }
        }
        engine.appendEvents(batch);
        engine.appendEvents(acceptances);
        return count;
    }
}
