package cn.duban.command.supervision;

import cn.duban.kernel.FormerEventNames;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.CampaignWithdrawn;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
     * Which event records a kind of record, its record id, and the date it falls on; and which events
     * withdraw such a record (a withdrawn record is no longer there to sample).
     */
    private record Source(Class<?> event, Function<StoredEvent, String> id, Function<StoredEvent, LocalDate> on,
                          List<Withdrawal> withdrawals) {
        Source(Class<?> event, Function<StoredEvent, String> id, Function<StoredEvent, LocalDate> on, Withdrawal... withdrawals) {
            this(event, id, on, List.of(withdrawals));
        }
    }

    /**
     * An event that withdraws records: what it names ({@code names}), and what of a recording event it
     * names ({@code of}): the record itself, or the whole it belongs to (a step's campaign).
     */
    private record Withdrawal(Class<?> event, Function<StoredEvent, String> names, Function<StoredEvent, String> of) {
    }

    private static Function<StoredEvent, String> field(String name) {
        return e -> e.payload().getString(name);
    }

    private static Source source(SampleKind kind) {
        return switch (kind) {
            case TRAINING -> new Source(TrainingRecorded.class, field("trainingId"), e -> date(e, "heldOn"),
                    new Withdrawal(TrainingWithdrawn.class, field("trainingId"), field("trainingId")));
            case INFO_REPORT -> new Source(InfoReportSubmitted.class, field("reportId"), e -> date(e, "submittedOn"),
                    new Withdrawal(InfoReportWithdrawn.class, field("reportId"), field("reportId")));
            case CAMPAIGN_PROGRESS -> new Source(CampaignProgressRecorded.class, StoredEvent::eventId, e -> date(e, "on"),
                    new Withdrawal(CampaignProgressWithdrawn.class, field("progressEventId"), StoredEvent::eventId),
                    new Withdrawal(CampaignWithdrawn.class, field("campaignId"), field("campaignId")));
            case CAMPAIGN -> new Source(CampaignLaunched.class, field("campaignId"), e -> date(e, "launchedOn"),
                    new Withdrawal(CampaignWithdrawn.class, field("campaignId"), field("campaignId")));
            case INDICATOR_REPORT -> new Source(IndicatorReported.class, StoredEvent::eventId, e -> DistrictTime.dateOf(e.recordedAt()),
                    new Withdrawal(IndicatorReportWithdrawn.class, field("reportedEventId"), StoredEvent::eventId));
            case ACHIEVEMENT -> new Source(AchievementRecorded.class, field("achievementId"), e -> date(e, "on"),
                    new Withdrawal(AchievementWithdrawn.class, field("achievementId"), field("achievementId")));
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
        source.withdrawals().forEach(w -> types.addAll(FormerEventNames.storedNamesOf(w.event())));
        // One scan of the store for the records and their withdrawals (no index backs it: see Known limits).
        List<StoredEvent> records = new ArrayList<>();
        Map<Withdrawal, Set<String>> withdrawn = new HashMap<>();
        for (StoredEvent e : engine.findEvents(types, "unitId", unitId)) {
            if (recorded.contains(e.payloadType())) {
                LocalDate on = source.on().apply(e);
                if (!on.isBefore(from) && !on.isAfter(to)) {
                    records.add(e);
                }
                continue;
            }
            for (Withdrawal w : source.withdrawals()) {
                if (FormerEventNames.storedNamesOf(w.event()).contains(e.payloadType())) {
                    withdrawn.computeIfAbsent(w, x -> new HashSet<>()).add(w.names().apply(e));
                }
            }
        }
        Set<String> ids = new TreeSet<>();
        for (StoredEvent e : records) {
            if (source.withdrawals().stream().noneMatch(w -> withdrawn.getOrDefault(w, Set.of()).contains(w.of().apply(e)))) {
                ids.add(source.id().apply(e));
            }
        }
        return List.copyOf(ids);
    }
}
