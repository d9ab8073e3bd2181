package cn.duban.query.assignment;

import cn.duban.query.common.ProjectionTestBase;
import cn.duban.kernel.assignment.Light;
import cn.duban.kernel.assignment.ReportingFrequency;
import cn.duban.kernel.assignment.AssignmentAcknowledged;
import cn.duban.kernel.assignment.AssignmentDeadlineApproaching;
import cn.duban.kernel.assignment.AssignmentIssued;
import cn.duban.kernel.assignment.AssignmentLightChanged;
import cn.duban.kernel.assignment.AssignmentUrged;
import cn.duban.kernel.assignment.AssignmentWentOverdue;
import cn.duban.kernel.assignment.NotificationRead;
import cn.duban.query.webhook.WebhookDeliveries;
import cn.duban.query.webhook.WebhookProperties;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The assignment board's read model and the units' notifications, given events, without HTTP. */
class AssignmentProjectionsTest extends ProjectionTestBase {
    static final LocalDate DEADLINE = LocalDate.of(2023, 3, 31);
    static final AssignmentIssued ISSUED = new AssignmentIssued("a1", "出租房屋排查", null, null, null, "gafj", List.of("xinqi"),
            null, DEADLINE, List.of(), ReportingFrequency.NONE, null);

    AssignmentsProjection assignments;
    NotificationsProjection notifications;

    @BeforeEach
    void projections() {
        assignments = new AssignmentsProjection(harness.db);
        notifications = new NotificationsProjection(harness.db,
                new WebhookDeliveries(harness.db, new WebhookProperties(List.of(), null, null, null)));
    }

    /** Both read models see every event, as the one tracking processor hands them out. */
    List<TrackedEventMessage<?>> given(Object... events) throws Exception {
        List<TrackedEventMessage<?>> out = new java.util.ArrayList<>();
        for (Object e : events) {
            TrackedEventMessage<?> m = harness.given(assignments, e).get(0);
            harness.redeliver(notifications, m);
            out.add(m);
        }
        return out;
    }

    AssignmentsProjection.AssignmentView view() {
        return AssignmentsProjection.find(harness.db.getCollection(AssignmentsProjection.COLLECTION), "a1");
    }

    @Test
    void theBoardKeepsEachUnitsAcknowledgementLightAndTheWholeHistoryOnce() throws Exception {
        List<TrackedEventMessage<?>> events = given(ISSUED, new AssignmentAcknowledged("a1", "xinqi"),
                new AssignmentWentOverdue("a1", DEADLINE), new AssignmentLightChanged("a1", "xinqi", Light.GREEN, Light.RED, "已逾期 / overdue"));
        harness.redeliver(assignments, events.get(1));
        AssignmentsProjection.AssignmentView v = view();
        assertThat(v.title).isEqualTo("出租房屋排查");
        assertThat(v.issuedAt).as("recording time").isEqualTo(Instant.parse("2023-03-01T03:00:00Z"));
        assertThat(v.units).extracting(u -> u.unitId).containsExactlyInAnyOrder("gafj", "xinqi");
        AssignmentsProjection.UnitProgress xinqi = v.units.stream().filter(u -> u.unitId.equals("xinqi")).findFirst().orElseThrow();
        assertThat(xinqi.acknowledgedAt).isEqualTo(Instant.parse("2023-03-01T04:00:00Z"));
        assertThat(xinqi.light).isEqualTo("RED");
        assertThat(v.history).extracting(AssignmentsProjection.HistoryEntry::type)
                .as("a redelivered event is not a second entry")
                .containsExactly("AssignmentIssued", "AssignmentAcknowledged", "AssignmentWentOverdue", "AssignmentLightChanged");
        assertThat(v.history.get(3).text()).as("the light's change worded in both languages")
                .isEqualTo("正常推进 → 已逾期 / On track → Overdue");
        assertThat(v.history).extracting(AssignmentsProjection.HistoryEntry::position).containsExactly(0L, 1L, 2L, 3L);
        assertThat(v.history.get(0).actor()).isEqualTo("tester");
    }

    @Test
    void unitsAreNotifiedOnceAndReadOnlyTheirOwn() throws Exception {
        List<TrackedEventMessage<?>> events = given(ISSUED, new AssignmentUrged("a1", List.of("xinqi"), "请于本周内报送进展"));
        harness.redeliver(notifications, events.get(1));
        var collection = harness.db.getCollection(NotificationsProjection.COLLECTION);
        List<NotificationsProjection.Notification> xinqi = NotificationsProjection.of(collection, "xinqi");
        assertThat(xinqi).extracting(NotificationsProjection.Notification::kind).hasSize(2).doesNotHaveDuplicates();
        assertThat(NotificationsProjection.of(collection, "gafj")).hasSize(1);
        String urge = xinqi.get(0).id();
        // gafj cannot mark xinqi's notification read: the read model ignores a read of another unit's.
        given(new NotificationRead("gafj", urge), new NotificationRead("xinqi", urge));
        NotificationsProjection.Notification read = NotificationsProjection.of(collection, "xinqi").get(0);
        assertThat(read.read()).isTrue();
        assertThat(read.readAt()).isEqualTo(Instant.parse("2023-03-01T06:00:00Z"));
    }

    /** 全部标为已读: every notification the unit holds is read, one already read keeps when it was; another unit's stay unread. */
    @Test
    void allOfAUnitsNotificationsAreReadAtOnce() throws Exception {
        given(ISSUED, new AssignmentUrged("a1", List.of("xinqi", "gafj"), "请于本周内报送进展"));
        var collection = harness.db.getCollection(NotificationsProjection.COLLECTION);
        String first = NotificationsProjection.of(collection, "xinqi").get(1).id();
        given(new NotificationRead("xinqi", first));
        Instant firstRead = NotificationsProjection.of(collection, "xinqi").stream().filter(n -> n.id().equals(first)).findFirst().orElseThrow().readAt();

        given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi"));

        List<NotificationsProjection.Notification> xinqi = NotificationsProjection.of(collection, "xinqi");
        assertThat(xinqi).hasSize(2).allMatch(NotificationsProjection.Notification::read);
        assertThat(xinqi.stream().filter(n -> n.id().equals(first)).findFirst().orElseThrow().readAt()).isEqualTo(firstRead);
        assertThat(xinqi.stream().filter(n -> !n.id().equals(first)).findFirst().orElseThrow().readAt()).isAfter(firstRead);
        assertThat(NotificationsProjection.of(collection, "gafj")).hasSize(2).noneMatch(NotificationsProjection.Notification::read);
    }

    @Test
    void readingAllUpToAPositionLeavesOneThatArrivedSinceUnread() throws Exception {
        given(ISSUED, new AssignmentUrged("a1", List.of("xinqi"), "请于本周内报送进展"));
        var collection = harness.db.getCollection(NotificationsProjection.COLLECTION);
        long inSight = NotificationsProjection.of(collection, "xinqi").get(0).position();
        given(new AssignmentUrged("a1", List.of("xinqi"), "请于今日报送"));
        assertThat(NotificationsProjection.of(collection, "xinqi")).hasSize(3);

        given(new cn.duban.kernel.assignment.AllNotificationsRead("xinqi", inSight));

        List<NotificationsProjection.Notification> xinqi = NotificationsProjection.of(collection, "xinqi");
        assertThat(xinqi.get(0).read()).as("the urge that arrived after what was in sight").isFalse();
        assertThat(xinqi.subList(1, 3)).allMatch(NotificationsProjection.Notification::read);
    }

    /** A figure the lead office entered in the unit's name (代录) is told to the unit; one the unit entered itself is not. */
    @Test
    void aUnitIsToldOfWhatTheLeadOfficeEnteredInItsName() throws Exception {
        var entered = new cn.duban.kernel.reporting.IndicatorReported("f1", "xinqi", "registration_rate", 2023, new java.math.BigDecimal("96.5"),
                new java.math.BigDecimal("193"), new java.math.BigDecimal("200"), List.of());
        harness.givenWith(notifications, java.util.Map.of(cn.duban.platform.axon.Audit.ON_BEHALF_OF, "xinqi"), entered);
        harness.given(notifications, new cn.duban.kernel.reporting.IndicatorReported("f2", "xinqi", "registration_rate", 2023,
                new java.math.BigDecimal("97"), null, null, List.of()));
        harness.givenWith(notifications, java.util.Map.of(cn.duban.platform.axon.Audit.ON_BEHALF_OF, "xinqi"),
                new cn.duban.kernel.reporting.TrainingRecorded("t1", "xinqi", LocalDate.of(2023, 3, 10), "专管员业务培训", 40,
                        java.math.BigDecimal.valueOf(2), cn.duban.kernel.reporting.TrainingKind.BUSINESS, null, List.of()));

        List<NotificationsProjection.Notification> xinqi = NotificationsProjection.of(harness.db.getCollection(NotificationsProjection.COLLECTION), "xinqi");
        assertThat(xinqi).extracting(NotificationsProjection.Notification::subjectId).containsExactly("t1", "f1");
        assertThat(xinqi).extracting(NotificationsProjection.Notification::kind).containsOnly("RECORD_ENTERED");
        assertThat(cn.duban.kernel.Words.zh("notificationKind", "RECORD_ENTERED")).as("the workbench's word for it").isEqualTo("代录");
        assertThat(xinqi.get(1).title()).isEqualTo("流管中心代录了本单位的指标数据 / the lead office entered an indicator figure for this unit");
        assertThat(xinqi.get(1).message()).isEqualTo("流动人口信息登记率（2023年度） / Registration rate (2023)：96.5%");
        assertThat(xinqi.get(0).message()).isEqualTo("专管员业务培训（2023-03-10）");
    }

    /** The platform's own messages in both languages, "中文 / English", for the workbench to show the reader's half. */
    @Test
    void deadlineNotificationsAreWordedInBothLanguages() throws Exception {
        given(ISSUED, new AssignmentDeadlineApproaching("a1", DEADLINE, 1), new AssignmentWentOverdue("a1", DEADLINE));
        List<NotificationsProjection.Notification> xinqi = NotificationsProjection.of(harness.db.getCollection(NotificationsProjection.COLLECTION), "xinqi");
        assertThat(xinqi).extracting(NotificationsProjection.Notification::message).containsExactlyInAnyOrder(
                "责任单位，截止 2023-03-31 / responsible unit, due 2023-03-31",
                "截止 2023-03-31，剩余 1 天 / due 2023-03-31, 1 day left",
                "截止日期 2023-03-31 已过 / deadline 2023-03-31 passed");
        assertThat(view().history).filteredOn(h -> h.type().equals("AssignmentDeadlineApproaching"))
                .extracting(AssignmentsProjection.HistoryEntry::text).containsExactly("截止 2023-03-31，剩余 1 天 / due 2023-03-31, 1 day left");
    }
}
