package cn.duban.command.domain;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.command.AdjustScore;
import cn.duban.kernel.command.RecordAchievement;
import cn.duban.kernel.command.RecordFailure;
import cn.duban.kernel.command.RecordTraining;
import cn.duban.kernel.command.ReportIndicator;
import cn.duban.kernel.command.SubmitInfoReport;
import cn.duban.kernel.command.LaunchCampaign;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.event.AchievementRecorded;
import cn.duban.kernel.event.CampaignLaunched;
import cn.duban.kernel.event.FailureRecorded;
import cn.duban.kernel.event.IndicatorReported;
import cn.duban.kernel.event.InfoReportSubmitted;
import cn.duban.kernel.event.SchemeDrafted;
import cn.duban.kernel.event.ScoreAdjusted;
import cn.duban.kernel.event.TrainingRecorded;
import cn.duban.kernel.event.UnitRegistered;
import cn.duban.kernel.scheme.AppliesTo;
import cn.duban.kernel.scheme.Base;
import cn.duban.kernel.scheme.FactKind;
import cn.duban.kernel.scheme.Rule;
import cn.duban.kernel.scheme.RuleKind;
import cn.duban.kernel.scheme.SchemeDocument;
import cn.duban.kernel.scheme.SchemeItem;
import cn.duban.kernel.unit.UnitType;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The creation of facts: given what the store holds (units, schemes), when a unit's fact is
 * recorded, then exactly its event is appended — or nothing, with the reason.
 */
class UnitFactsCommandHandlerTest {
    static final LocalDate ON = LocalDate.of(2023, 4, 1);
    EventStore store;
    InMemoryEventStorageEngine engine;
    UnitFactsCommandHandler handler;

    <T> EventSourcingRepository<T> repo(Class<T> type) {
        return EventSourcingRepository.builder(type).eventStore(store).build();
    }

    @BeforeEach
    void setUp() {
        engine = new InMemoryEventStorageEngine();
        store = EmbeddedEventStore.builder().storageEngine(engine).build();
        handler = new UnitFactsCommandHandler(repo(Unit.class), repo(Scheme.class), repo(Training.class), repo(InfoReport.class),
                repo(Campaign.class), repo(IndicatorReport.class), repo(Achievement.class), repo(ScoreAdjustment.class),
                repo(AssessorFailure.class));
        given(AggregateIds.unit("xinqi"), "Unit", new UnitRegistered("xinqi", "新碶街道", UnitType.STREET));
        Rule perFailure = new Rule(RuleKind.PER_FAILURE, null, null, null, null, null, null, null, null, null, null, null, BigDecimal.ONE, null);
        SchemeDocument doc = new SchemeDocument("beilun-2023", 2023, "考核", null, List.of(
                new SchemeItem("S1.1", "基础工作", "季度计划", BigDecimal.valueOf(6), Base.FULL, null, AppliesTo.ALL, List.of(perFailure), null),
                new SchemeItem("S2.3", "管理工作", "企业主体责任", BigDecimal.valueOf(6), Base.FULL, null, AppliesTo.ALL,
                        List.of(new Rule(RuleKind.DISCRETIONARY, null, null, null, null, null, null, null, null, null, null, null, null, null)), null)));
        given(AggregateIds.scheme("beilun-2023"), "Scheme", new SchemeDrafted("beilun-2023", 1, doc));
    }

    void given(String aggregateId, String type, Object event) {
        store.publish(new GenericDomainEventMessage<>(type, aggregateId, 0, event));
    }

    List<Object> when(Callable<?> action) throws Exception {
        long before = engine.readEvents((org.axonframework.eventhandling.TrackingToken) null, false).count();
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        try {
            uow.executeWithResult(action::call);
        } catch (RuntimeException e) {
            throw e;
        }
        if (uow.getExecutionResult().isExceptionResult()) {
            Throwable t = uow.getExecutionResult().getExceptionResult();
            throw t instanceof Exception ex ? ex : new RuntimeException(t);
        }
        return engine.readEvents((org.axonframework.eventhandling.TrackingToken) null, false).skip(before).map(m -> (Object) m.getPayload()).toList();
    }

    long stored() {
        return engine.readEvents((org.axonframework.eventhandling.TrackingToken) null, false).count();
    }

    @Test
    void recordsEachKindOfFactForARegisteredUnit() throws Exception {
        assertThat(when(() -> handler.handle(new RecordTraining("t1", "xinqi", ON, "专管员培训", 40, BigDecimal.valueOf(2)))))
                .containsExactly(new TrainingRecorded("t1", "xinqi", ON, "专管员培训", 40, BigDecimal.valueOf(2)));
        assertThat(when(() -> handler.handle(new SubmitInfoReport("r1", "xinqi", "工作动态", ON))))
                .containsExactly(new InfoReportSubmitted("r1", "xinqi", "工作动态", ON));
        assertThat(when(() -> handler.handle(new LaunchCampaign("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON))))
                .containsExactly(new CampaignLaunched("c1", "xinqi", "GROUP_RENTAL", "群租整治", ON));
        assertThat(when(() -> handler.handle(new ReportIndicator("i1", "xinqi", "registration_rate", 2023, new BigDecimal("96.5"), null, null))))
                .containsExactly(new IndicatorReported("i1", "xinqi", "registration_rate", 2023, new BigDecimal("96.5"), null, null));
        assertThat(when(() -> handler.handle(new RecordAchievement("a1", "xinqi", FactKind.MEDIA_PUBLICATION, "PROVINCE", "浙江日报", ON))))
                .containsExactly(new AchievementRecorded("a1", "xinqi", FactKind.MEDIA_PUBLICATION, "PROVINCE", "浙江日报", ON));
        assertThat(when(() -> handler.handle(new AdjustScore("adj1", "xinqi", "beilun-2023", "S2.3", new BigDecimal("-1"), "未开展"))))
                .containsExactly(new ScoreAdjusted("adj1", "xinqi", "beilun-2023", "S2.3", new BigDecimal("-1"), "未开展"));
        assertThat(when(() -> handler.handle(new RecordFailure("f1", "xinqi", "beilun-2023", "S1.1", "一季度无计划", ON))))
                .containsExactly(new FailureRecorded("f1", "xinqi", "beilun-2023", "S1.1", "一季度无计划", ON));
    }

    @Test
    void anUnknownUnitIsNotFoundAndNothingIsStored() {
        long before = stored();
        assertThatThrownBy(() -> when(() -> handler.handle(new RecordTraining("t1", "nobody", ON, "x", 1, BigDecimal.ONE))))
                .isInstanceOf(NotFoundException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void assessorRecordsNeedAnExistingSchemeAndItem() {
        long before = stored();
        assertThatThrownBy(() -> when(() -> handler.handle(new AdjustScore("a", "xinqi", "no-scheme", "S1.1", BigDecimal.ONE, "r"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> when(() -> handler.handle(new AdjustScore("a", "xinqi", "beilun-2023", "X9", BigDecimal.ONE, "r"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("itemCode");
        assertThatThrownBy(() -> when(() -> handler.handle(new RecordFailure("f", "xinqi", "beilun-2023", "S2.3", "r", ON))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PER_FAILURE");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anAchievementMustBeOfAnAchievementKind() {
        assertThatThrownBy(() -> when(() -> handler.handle(new RecordAchievement("a", "xinqi", FactKind.TRAINING, "CITY", "t", ON))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kind");
    }
}
