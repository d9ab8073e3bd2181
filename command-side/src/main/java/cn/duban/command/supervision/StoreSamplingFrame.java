package cn.duban.command.supervision;

import cn.duban.kernel.FormerEventNames;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.supervision.SampleKind;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import cn.duban.platform.eventstore.StoredEvent;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The {@link SamplingFrame} read from the event store itself, so a draw sees every committed record. */
@Component
public class StoreSamplingFrame implements SamplingFrame {
    private final SequencedMongoEventStorageEngine engine;

    public StoreSamplingFrame(SequencedMongoEventStorageEngine engine) {
        this.engine = engine;
    }

    /**
     * Which event records a kind of record, its record id, and the date it falls on; and which event
     * withdraws such a record and how it names the record (a withdrawn record is no longer
     * there to sample).
     */
    private record Source(Class<?> event, Function<StoredEvent, String> id, Function<StoredEvent, LocalDate> on,
                          Class<?> withdrawal, Function<StoredEvent, String> withdrawn) {
    }

    private static Function<StoredEvent, String> field(String name) {
        return e -> e.payload().getString(name);
    }

    private static Source source(SampleKind kind) {
        return switch (kind) {
            case TRAINING -> new Source(TrainingRecorded.class, field("trainingId"), e -> date(e, "heldOn"),
                    TrainingWithdrawn.class, field("trainingId"));
            case INFO_REPORT -> new Source(InfoReportSubmitted.class, field("reportId"), e -> date(e, "submittedOn"),
                    InfoReportWithdrawn.class, field("reportId"));
            case CAMPAIGN_PROGRESS -> new Source(CampaignProgressRecorded.class, StoredEvent::eventId, e -> date(e, "on"),
                    CampaignProgressWithdrawn.class, field("progressEventId"));
            case INDICATOR_REPORT -> new Source(IndicatorReported.class, StoredEvent::eventId, e -> DistrictTime.dateOf(e.recordedAt()),
                    IndicatorReportWithdrawn.class, field("reportedEventId"));
            case ACHIEVEMENT -> new Source(AchievementRecorded.class, field("achievementId"), e -> date(e, "on"),
                    AchievementWithdrawn.class, field("achievementId"));
        };
    }

    private static LocalDate date(StoredEvent e, String field) {
        return LocalDate.parse(e.payload().getString(field));
    }

    @Override
    public List<String> records(String unitId, SampleKind kind, LocalDate from, LocalDate to) {
        Source source = source(kind);
        Set<String> recorded = FormerEventNames.storedNamesOf(source.event());
        Set<String> types = new TreeSet<>(recorded);
        types.addAll(FormerEventNames.storedNamesOf(source.withdrawal()));
        // One scan of the store for the records and their withdrawals (no index backs it: see Known limits).
        Set<String> ids = new TreeSet<>();
        Set<String> withdrawn = new TreeSet<>();
        for (StoredEvent e : engine.findEvents(types, "unitId", unitId)) {
            if (!recorded.contains(e.payloadType())) {
                withdrawn.add(source.withdrawn().apply(e));
                continue;
            }
            LocalDate on = source.on().apply(e);
            if (!on.isBefore(from) && !on.isAfter(to)) {
                ids.add(source.id().apply(e));
            }
        }
        ids.removeAll(withdrawn);
        return List.copyOf(ids);
    }
}
