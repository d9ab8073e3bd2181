package cn.duban.command.supervision;

import cn.duban.command.common.EventPositions;
import cn.duban.command.common.References;
import cn.duban.kernel.supervision.CloseInspectionRound;
import cn.duban.kernel.supervision.OpenInspectionRound;
import cn.duban.kernel.supervision.PublishInspectionRound;
import cn.duban.kernel.supervision.RecordFinding;
import cn.duban.kernel.supervision.SetInspectionScore;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.supervision.FindingRecorded;
import cn.duban.kernel.supervision.InspectionRoundClosed;
import cn.duban.kernel.supervision.InspectionRoundOpened;
import cn.duban.kernel.supervision.InspectionRoundPublished;
import cn.duban.kernel.supervision.InspectionScoreSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An inspection round (督查): opened with a cutoff whose event position becomes the baseline, so its
 * figures can be recomputed identically at any later time; findings and inspection scores while
 * open; then closed (final) and published (通报).
 */
@Aggregate(cache = "aggregateCache")
public class InspectionRound {
    enum Status { OPEN, CLOSED, PUBLISHED }

    @AggregateIdentifier
    private String roundId;
    private String schemeId;
    private Status status;
    private final java.util.Map<String, References.FindingRef> findings = new java.util.HashMap<>();

    protected InspectionRound() {
    }

    @CommandHandler
    public InspectionRound(OpenInspectionRound c, References references, EventPositions positions, Clock dubanClock) {
        references.requireItemsOf(c.schemeId());
        if (c.kind() == null) {
            throw new InvalidInputException("kind", "必填 / required");
        }
        if (c.cutoff() == null) {
            throw new InvalidInputException("cutoff", "必填 / required");
        }
        if (c.cutoff().isAfter(dubanClock.instant())) {
            throw new InvalidInputException("cutoff", "截止时点不能在将来 / the cutoff cannot be in the future");
        }
        String title = c.title() == null || c.title().isBlank() ? c.kind().name() : c.title().strip();
        apply(new InspectionRoundOpened(c.roundId(), c.schemeId(), c.kind(), title, c.cutoff(), positions.positionAt(c.cutoff()), c.method()));
    }

    @CommandHandler
    void handle(RecordFinding c, References references) {
        requireOpen();
        references.requireUnit(c.unitId());
        if (c.itemCode() != null) {
            references.requireItem(schemeId, c.itemCode());
        }
        if (c.text() == null || c.text().isBlank()) {
            throw new InvalidInputException("text", "必填 / required");
        }
        if (c.severity() == null) {
            throw new InvalidInputException("severity", "必填 / required");
        }
        apply(new FindingRecorded(roundId, c.findingId(), c.unitId(), c.itemCode(), c.text().strip(), c.severity(),
                c.evidence() == null ? List.of() : List.copyOf(c.evidence())));
    }

    @CommandHandler
    void handle(SetInspectionScore c, References references) {
        requireOpen();
        references.requireUnit(c.unitId());
        if (c.score() == null || c.score().signum() < 0 || c.score().compareTo(BigDecimal.valueOf(200)) > 0) {
            throw new InvalidInputException("score", "须在0到200之间 / must be between 0 and 200");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "改变督查分须说明理由 / a changed inspection score needs its reason");
        }
        apply(new InspectionScoreSet(roundId, c.unitId(), c.score(), c.reason().strip()));
    }

    @CommandHandler
    void handle(CloseInspectionRound c) {
        requireOpen();
        apply(new InspectionRoundClosed(roundId));
    }

    @CommandHandler
    void handle(PublishInspectionRound c) {
        if (status != Status.CLOSED) {
            throw new ConflictException(status == Status.PUBLISHED ? "已通报 / already published" : "须先关闭督查轮次 / close the round first");
        }
        apply(new InspectionRoundPublished(roundId));
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new ConflictException("督查轮次已关闭 / the round is closed");
        }
    }

    @EventSourcingHandler
    void on(InspectionRoundOpened e) {
        roundId = e.roundId();
        schemeId = e.schemeId();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(FindingRecorded e) {
        findings.put(e.findingId(), new References.FindingRef(roundId, e.findingId(), e.unitId(), e.itemCode(), e.text()));
    }

    public java.util.Optional<References.FindingRef> finding(String findingId) {
        return java.util.Optional.ofNullable(findings.get(findingId));
    }

    @EventSourcingHandler
    void on(InspectionRoundClosed e) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(InspectionRoundPublished e) {
        status = Status.PUBLISHED;
    }
}
