package cn.duban.standalone;

import cn.duban.command.deadlines.DeadlineScheduler;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.assignment.IssueAssignment;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.unit.UnitType;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.query.assignment.AssignmentQueries;
import cn.duban.query.assignment.AssignmentsProjection.AssignmentView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines act by themselves, on a clock the test controls: a reminder before the deadline, and an
 * overdue assignment detected by a platform restarted after its deadline passed while it was down.
 */
class DeadlineSchedulerIT {
    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            TestClock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ConfigurableApplicationContext start(Path dataDir, Clock clock) {
        return new SpringApplicationBuilder(DubanApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("dubanClock", clock))
                .run("--duban.data-dir=" + dataDir, "--duban.mongodb-uri=", "--server.port=0",
                        // the test runs the checks itself
                        "--duban.deadlines.initial-delay=PT1H");
    }

    static AssignmentView view(ConfigurableApplicationContext ctx, String id) {
        SequencedMongoEventStorageEngine engine = ctx.getBean(SequencedMongoEventStorageEngine.class);
        assertThat(ctx.getBean(ProjectionProgress.class).awaitPosition(engine.headPosition(), Duration.ofSeconds(30))).isTrue();
        return ctx.getBean(AssignmentQueries.class).one(id);
    }

    static List<String> history(AssignmentView v) {
        return v.history.stream().map(h -> h.type()).toList();
    }

    @Test
    void aReminderBeforeTheDeadlineAndOverdueDetectedAfterARestart() {
        Path dir = TestData.newDataDir();
        TestClock clock = new TestClock(Instant.parse("2023-03-01T02:00:00Z"));
        String id = "a-deadline";
        try (ConfigurableApplicationContext ctx = start(dir, clock)) {
            CommandGateway commands = ctx.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterUnit("gafj", "公安分局", UnitType.DEPARTMENT));
            commands.sendAndWait(new IssueAssignment(id, "出租房屋专项检查", null, null, null, "gafj", List.of(), null,
                    LocalDate.of(2023, 3, 31), List.of(), ReportingFrequency.NONE, null));
            DeadlineScheduler scheduler = ctx.getBean(DeadlineScheduler.class);
            // The scheduler's queue is fed by a tracking processor: wait until it knows the assignment.
            view(ctx, id);
            scheduler.checkAll();
            assertThat(history(view(ctx, id))).containsExactly("AssignmentIssued");

            clock.now = Instant.parse("2023-03-28T01:00:00Z");
            scheduler.checkAll();
            scheduler.checkAll();
            AssignmentView reminded = view(ctx, id);
            assertThat(history(reminded)).containsExactly("AssignmentIssued", "AssignmentDeadlineApproaching", "AssignmentLightChanged");
            assertThat(reminded.units.get(0).light).isEqualTo("BLUE");
        }

        // Down over the deadline; started again days later.
        clock.now = Instant.parse("2023-04-03T01:00:00Z");
        try (ConfigurableApplicationContext ctx = start(dir, clock)) {
            view(ctx, id);
            // The scheduled round waits for the platform to accept traffic (the demo records its year before that).
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(ctx, org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
            ctx.getBean(DeadlineScheduler.class).checkWhenReady();
            assertThat(history(view(ctx, id))).doesNotContain("AssignmentWentOverdue");
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(ctx, org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
            ctx.getBean(DeadlineScheduler.class).checkWhenReady();
            AssignmentView overdue = view(ctx, id);
            assertThat(history(overdue)).endsWith("AssignmentWentOverdue", "AssignmentLightChanged");
            assertThat(overdue.overdueSince).isEqualTo(LocalDate.of(2023, 4, 1));
            assertThat(overdue.units.get(0).light).isEqualTo("RED");
            assertThat(ctx.getBean(AssignmentQueries.class).board(null, null, null, null, "RED")).hasSize(1);
            assertThat(overdue.history.stream().filter(h -> h.type().equals("AssignmentWentOverdue")).findFirst().orElseThrow().actor())
                    .isEqualTo("system:deadlines");
        }
    }

    /** A scheme's reporting closes by itself the day after its deadline, once. */
    @Test
    void reportingClosesTheDayAfterTheSchemesDeadline() throws Exception {
        Path dir = TestData.newDataDir();
        TestClock clock = new TestClock(Instant.parse("2024-01-10T02:00:00Z"));
        try (ConfigurableApplicationContext ctx = start(dir, clock)) {
            CommandGateway commands = ctx.getBean(CommandGateway.class);
            var item = new cn.duban.kernel.scheme.SchemeItem("S2.5", "管理工作", "登记率", java.math.BigDecimal.valueOf(7), null, null,
                    new cn.duban.kernel.scheme.AppliesTo(UnitType.STREET, null, null), List.of(new cn.duban.kernel.scheme.Rule(
                    cn.duban.kernel.scheme.RuleKind.THRESHOLD, null, null, null, java.math.BigDecimal.valueOf(4), null, null, null,
                    "registration_rate", java.math.BigDecimal.valueOf(95), null, null, null, null)), null);
            commands.sendAndWait(new cn.duban.kernel.scheme.DraftScheme(new cn.duban.kernel.scheme.SchemeDocument("beilun-2023", 2023,
                    "北仑区2023年度考核", null, List.of(item), LocalDate.of(2024, 1, 15))));
            DeadlineScheduler scheduler = ctx.getBean(DeadlineScheduler.class);
            SequencedMongoEventStorageEngine engine = ctx.getBean(SequencedMongoEventStorageEngine.class);
            long drafted = engine.headPosition();
            var watched = ctx.getBean(cn.duban.command.scheme.OpenSchemeReporting.class);
            for (int i = 0; i < 200 && watched.ids().isEmpty(); i++) {
                Thread.sleep(25); // the watch list's tracking processor picks the draft up
            }
            assertThat(watched.ids()).containsExactly("beilun-2023");
            scheduler.checkAll();
            assertThat(engine.headPosition()).as("before the deadline: nothing").isEqualTo(drafted);

            clock.now = Instant.parse("2024-01-16T01:00:00Z");
            scheduler.checkAll();
            assertThat(engine.headPosition()).isEqualTo(drafted + 1);
            var closed = engine.eventAt(drafted + 1).orElseThrow();
            assertThat(closed.payloadType()).isEqualTo(cn.duban.kernel.scheme.SchemeReportingClosed.class.getName());
            for (int i = 0; i < 200 && !watched.ids().isEmpty(); i++) {
                Thread.sleep(25);
            }
            assertThat(watched.ids()).as("no longer watched once closed").isEmpty();
            scheduler.checkAll();
            assertThat(engine.headPosition()).as("closed once").isEqualTo(drafted + 1);
        }
    }
}
