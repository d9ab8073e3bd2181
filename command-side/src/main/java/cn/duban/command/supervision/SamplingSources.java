package cn.duban.command.supervision;

import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.reporting.AchievementRecorded;
import cn.duban.kernel.reporting.AchievementWithdrawn;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.kernel.reporting.IndicatorReportWithdrawn;
import cn.duban.kernel.reporting.IndicatorReported;
import cn.duban.kernel.reporting.InfoReportSubmitted;
import cn.duban.kernel.reporting.InfoReportWithdrawn;
import cn.duban.kernel.reporting.TrainingRecorded;
import cn.duban.kernel.reporting.TrainingWithdrawn;
import cn.duban.kernel.supervision.SampleKind;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What makes the sampling frame of each kind of record, in one place for the frame kept as events
 * arrive ({@link SamplingFrameIndex}) and the frame read by scanning the store ({@link StoreSamplingFrame}):
 * which event records such a record, its record id and the date it falls on, and which events
 * withdraw it (a withdrawn record is no longer there to sample).
 */
final class SamplingSources {
    private SamplingSources() {
    }

    /** An event as the sources read it: its payload as stored (JSON's fields), its id and when the store accepted it. */
    record Recorded(Document payload, String eventId, Instant recordedAt) {
        String field(String name) {
            return payload.getString(name);
        }

        LocalDate date(String name) {
            return LocalDate.parse(field(name));
        }
    }

    record Source(Class<?> event, Function<Recorded, String> id, Function<Recorded, LocalDate> on, List<Withdrawal> withdrawals) {
        Source(Class<?> event, Function<Recorded, String> id, Function<Recorded, LocalDate> on, Withdrawal... withdrawals) {
            this(event, id, on, List.of(withdrawals));
        }

        /** What each withdrawal, in order, would name of the record this event records. */
        List<String> named(Recorded e) {
            return withdrawals.stream().map(w -> w.of().apply(e)).toList();
        }
    }

    /**
     * A frame as it is read, by the scan or from the index: the records in the period, each with what
     * each withdrawal would name of it, and what the withdrawals named. Its records are those no
     * withdrawal named, sorted, each once.
     */
    static final class Frame {
        private final Map<String, List<String>> records = new HashMap<>();
        private final List<Set<String>> withdrawn = new ArrayList<>();

        Frame(Source source) {
            source.withdrawals().forEach(w -> withdrawn.add(new HashSet<>()));
        }

        void record(String id, List<String> named) {
            records.put(id, named);
        }

        void withdrawn(int withdrawal, String named) {
            withdrawn.get(withdrawal).add(named);
        }

        List<String> ids() {
            Set<String> ids = new TreeSet<>();
            records.forEach((id, named) -> {
                for (int i = 0; i < withdrawn.size(); i++) {
                    if (withdrawn.get(i).contains(named.get(i))) {
                        return;
                    }
                }
                ids.add(id);
            });
            return List.copyOf(ids);
        }
    }

    /**
     * An event that withdraws records: what it names ({@code names}), and what of a recording event it
     * names ({@code of}): the record itself, or the whole it belongs to (a step's campaign).
     */
    record Withdrawal(Class<?> event, Function<Recorded, String> names, Function<Recorded, String> of) {
    }

    private static Function<Recorded, String> field(String name) {
        return e -> e.field(name);
    }

    private static final Map<SampleKind, Source> SOURCES = new EnumMap<>(SampleKind.class);

    static {
        for (SampleKind kind : SampleKind.values()) {
            SOURCES.put(kind, define(kind));
        }
    }

    static Source of(SampleKind kind) {
        return SOURCES.get(kind);
    }

    private static Source define(SampleKind kind) {
        return switch (kind) {
            case TRAINING -> new Source(TrainingRecorded.class, field("trainingId"), e -> e.date("heldOn"),
                    new Withdrawal(TrainingWithdrawn.class, field("trainingId"), field("trainingId")));
            case INFO_REPORT -> new Source(InfoReportSubmitted.class, field("reportId"), e -> e.date("submittedOn"),
                    new Withdrawal(InfoReportWithdrawn.class, field("reportId"), field("reportId")));
            case CAMPAIGN_PROGRESS -> new Source(CampaignProgressRecorded.class, Recorded::eventId, e -> e.date("on"),
                    new Withdrawal(CampaignProgressWithdrawn.class, field("progressEventId"), Recorded::eventId),
                    new Withdrawal(CampaignWithdrawn.class, field("campaignId"), field("campaignId")));
            case CAMPAIGN -> new Source(CampaignLaunched.class, field("campaignId"), e -> e.date("launchedOn"),
                    new Withdrawal(CampaignWithdrawn.class, field("campaignId"), field("campaignId")));
            case INDICATOR_REPORT -> new Source(IndicatorReported.class, Recorded::eventId, e -> DistrictTime.dateOf(e.recordedAt()),
                    new Withdrawal(IndicatorReportWithdrawn.class, field("reportedEventId"), Recorded::eventId));
            case ACHIEVEMENT -> new Source(AchievementRecorded.class, field("achievementId"), e -> e.date("on"),
                    new Withdrawal(AchievementWithdrawn.class, field("achievementId"), field("achievementId")));
        };
    }
}
