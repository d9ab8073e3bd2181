package cn.duban.standalone;

import cn.duban.command.deadlines.DeadlineScheduler;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.supervision.OpenInspectionRound;
import cn.duban.kernel.supervision.OrderRectification;
import cn.duban.kernel.supervision.RecordFinding;
import cn.duban.kernel.unit.RegisterUnit;
import cn.duban.kernel.supervision.ReportRectification;
import cn.duban.kernel.supervision.RoundKind;
import cn.duban.kernel.supervision.Severity;
import cn.duban.kernel.unit.UnitType;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.query.supervision.SupervisionQueries;
import cn.duban.query.assignment.NotificationsProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 限期整改 on a controlled clock: a deadline of 20 working days across the National Day holiday, a
 * rectification left unreported escalated to listed supervision the day after it, and one reported
 * in time left alone.
 */
class RectificationIT {
    static SupervisionQueries queries(ConfigurableApplicationContext ctx) {
        SequencedMongoEventStorageEngine engine = ctx.getBean(SequencedMongoEventStorageEngine.class);
        assertThat(ctx.getBean(ProjectionProgress.class).awaitPosition(engine.headPosition(), Duration.ofSeconds(30))).isTrue();
        return ctx.getBean(SupervisionQueries.class);
    }

    @Test
    void anUnreportedRectificationIsListedTheDayAfterItsWorkingDayDeadline() throws Exception {
        Path dir = TestData.newDataDir();
        // Monday 25 September 2023, 10:00 in Ningbo.
        DeadlineSchedulerIT.TestClock clock = new DeadlineSchedulerIT.TestClock(Instant.parse("2023-09-25T02:00:00Z"));
        try (ConfigurableApplicationContext ctx = DeadlineSchedulerIT.start(dir, clock)) {
            CommandGateway commands = ctx.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterUnit("xinqi", "新碶街道", UnitType.STREET));
            commands.sendAndWait(new RegisterUnit("daqi", "大碶街道", UnitType.STREET));
            commands.sendAndWait(new cn.duban.kernel.scheme.DraftScheme(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(ApiFlowIT.SCHEME, cn.duban.kernel.scheme.SchemeDocument.class)));
            commands.sendAndWait(new OpenInspectionRound("r1", "beilun-2023", RoundKind.SPECIAL, "专项督查", Instant.parse("2023-09-25T01:00:00Z")));
            commands.sendAndWait(new RecordFinding("r1", "f1", "xinqi", "S1.4", "培训台账不全", Severity.MAJOR, List.of()));
            commands.sendAndWait(new RecordFinding("r1", "f2", "daqi", "S1.4", "培训签到表缺失", Severity.MINOR, List.of()));
            String late = AggregateIds.rectification("f1");
            String onTime = AggregateIds.rectification("f2");
            commands.sendAndWait(new OrderRectification(late, "r1", "f1", "补齐培训台账", null, null));
            commands.sendAndWait(new OrderRectification(onTime, "r1", "f2", "补齐签到表", null, null));

            SupervisionQueries.Rectification ordered = queries(ctx).rectification(late);
            assertThat(ordered.rectification().dueOn).isEqualTo(LocalDate.of(2023, 10, 27));
            assertThat(ordered.overdue()).isFalse();
            assertThat(NotificationsProjection.of(ctx.getBean(com.mongodb.client.MongoDatabase.class)
                    .getCollection(NotificationsProjection.COLLECTION), "xinqi"))
                    .extracting(NotificationsProjection.Notification::kind).contains("RECTIFICATION_ORDERED");

            // A 抄告单 sent the same day: one answered, one not.
            commands.sendAndWait(new cn.duban.kernel.supervision.SendCopyNotice("cn-answered", null, "daqi", "群租房消防隐患", "请核查3处"));
            commands.sendAndWait(new cn.duban.kernel.supervision.SendCopyNotice("cn-silent", null, "xinqi", "出租房屋登记", "请补登记"));
            DeadlineScheduler scheduler = ctx.getBean(DeadlineScheduler.class);
            clock.now = Instant.parse("2023-10-20T02:00:00Z");
            commands.sendAndWait(new cn.duban.kernel.supervision.AnswerCopyNotice("cn-answered", "已核查整改"));
            commands.sendAndWait(new ReportRectification(onTime, "已补齐签到表", List.of()));
            clock.now = Instant.parse("2023-10-27T09:00:00Z"); // the last day, 17:00 in Ningbo: not yet late
            queries(ctx);
            scheduler.checkAll();
            assertThat(queries(ctx).rectifications(null, null, true, null)).isEmpty();

            clock.now = Instant.parse("2023-10-28T01:00:00Z");
            scheduler.checkAll();
            scheduler.checkAll();
            List<SupervisionQueries.Rectification> listed = queries(ctx).rectifications(null, null, true, null);
            assertThat(listed).singleElement().satisfies(r -> {
                assertThat(r.rectification().id).isEqualTo(late);
                assertThat(r.rectification().listedOn).isEqualTo(LocalDate.of(2023, 10, 28));
                assertThat(r.overdue()).isTrue();
                assertThat(r.rectification().history).extracting(RectificationStep -> RectificationStep.what()).containsExactly("ORDERED", "LISTED");
                assertThat(r.rectification().history.get(1).actor()).isEqualTo("system:deadlines");
            });
            assertThat(queries(ctx).rectification(onTime).rectification().listed).isFalse();
            var copyNotices = ctx.getBean(cn.duban.query.supervision.CopyNoticeQueries.class);
            assertThat(copyNotices.one("cn-silent").status).isEqualTo("ESCALATED");
            assertThat(copyNotices.one("cn-silent").dueOn).isEqualTo(LocalDate.of(2023, 10, 27));
            assertThat(copyNotices.one("cn-silent").escalatedOn).isEqualTo(LocalDate.of(2023, 10, 28));
            assertThat(copyNotices.one("cn-answered").status).isEqualTo("ANSWERED");
            assertThat(copyNotices.all("xinqi")).extracting(v -> v.id).containsExactly("cn-silent");
            assertThat(NotificationsProjection.of(ctx.getBean(com.mongodb.client.MongoDatabase.class)
                    .getCollection(NotificationsProjection.COLLECTION), "xinqi"))
                    .extracting(NotificationsProjection.Notification::kind).contains("LISTED_SUPERVISION");
        }
    }
}
