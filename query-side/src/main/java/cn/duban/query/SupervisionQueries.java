package cn.duban.query;

import cn.duban.kernel.assignment.DistrictTime;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.sampling.SampleDraw;
import cn.duban.query.projection.NoticesProjection;
import cn.duban.query.projection.NoticesProjection.NoticeView;
import cn.duban.query.projection.RectificationsProjection;
import cn.duban.query.projection.RectificationsProjection.RectificationView;
import cn.duban.query.projection.SamplesProjection;
import cn.duban.query.projection.SamplesProjection.SampleView;
import cn.duban.query.readmodel.Documents;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Samples, rectifications and published notices: what follows an inspection. */
@Service
public class SupervisionQueries {
    private final Documents<SampleView> samples;
    private final Documents<RectificationView> rectifications;
    private final Documents<NoticeView> notices;
    private final YearEndQueries yearEnd;
    private final Clock clock;

    public SupervisionQueries(MongoDatabase db, YearEndQueries yearEnd, Clock dubanClock) {
        this.clock = dubanClock;
        this.samples = SamplesProjection.documents(db);
        this.rectifications = RectificationsProjection.documents(db);
        this.notices = NoticesProjection.documents(db);
        this.yearEnd = yearEnd;
    }


    /**
     * A sample as drawn, and whether its recorded draw is what the seed gives: {@code reproduced}
     * is the draw redone from the recorded population, size and seed.
     */
    public record Sample(SampleView sample, List<String> reproduced, boolean reproducible) {
    }

    public Sample sample(String id) {
        SampleView v = samples.find(id);
        if (v == null) {
            throw new NotFoundException("抽查不存在 / sample not found: " + id);
        }
        List<String> redone = SampleDraw.draw(v.population, v.size, v.seed);
        List<String> recorded = v.records.stream().map(r -> r.recordId).toList();
        return new Sample(v, redone, redone.equals(recorded));
    }

    public List<SampleView> samples(String unitId) {
        List<SampleView> out = unitId == null ? samples.all() : samples.where(Filters.eq("unitId", unitId));
        return out.stream().sorted(Comparator.comparing((SampleView s) -> s.drawnAt).reversed()).toList();
    }

    /** A rectification as it stands today: {@code overdue} when due and not reported in time. */
    public record Rectification(RectificationView rectification, boolean overdue, long daysOverdue) {
    }

    public Rectification rectification(String id) {
        RectificationView v = rectifications.find(id);
        if (v == null) {
            throw new NotFoundException("整改不存在 / rectification not found: " + id);
        }
        return withToday(v);
    }

    public List<Rectification> rectifications(String unitId, String status, Boolean listed, String roundId) {
        return rectifications.all().stream()
                .filter(r -> unitId == null || unitId.equals(r.unitId))
                .filter(r -> status == null || status.equalsIgnoreCase(r.status))
                .filter(r -> listed == null || listed == r.listed)
                .filter(r -> roundId == null || roundId.equals(r.roundId))
                .sorted(Comparator.comparing((RectificationView r) -> !r.listed).thenComparing(r -> r.dueOn).thenComparing(r -> r.id))
                .map(this::withToday).toList();
    }

    private Rectification withToday(RectificationView v) {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        boolean overdue = "ORDERED".equals(v.status) && today.isAfter(v.dueOn);
        return new Rectification(v, overdue, overdue ? v.dueOn.until(today, java.time.temporal.ChronoUnit.DAYS) : 0);
    }

    /** A published notice, reproduced from the events before it. */
    public record PublishedNotice(String id, String schemeId, String title, java.time.Instant publishedAt, long position,
                                  String publishedBy, YearEndQueries.Notice notice) {
    }

    public PublishedNotice notice(String id) {
        NoticeView v = notices.find(id);
        if (v == null) {
            throw new NotFoundException("通报不存在 / notice not found: " + id);
        }
        YearEndQueries.Notice n = yearEnd.notice(v.schemeId, v.publishedAt);
        if (v.title != null) {
            n = new YearEndQueries.Notice(n.schemeId(), v.title, n.results(), n.text());
        }
        return new PublishedNotice(v.id, v.schemeId, n.title(), v.publishedAt, v.position, v.publishedBy, n);
    }

    public List<NoticeView> notices(String schemeId) {
        return notices.where(Filters.eq("schemeId", schemeId)).stream()
                .sorted(Comparator.comparing((NoticeView n) -> n.publishedAt).reversed()).toList();
    }
}
