package cn.duban.command.supervision;

import cn.duban.command.common.EventPositions;
import cn.duban.command.common.References;
import cn.duban.kernel.error.ForbiddenException;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.supervision.CloseInspectionRound;
import cn.duban.kernel.supervision.ConfirmFinding;
import cn.duban.kernel.supervision.DismissFinding;
import cn.duban.kernel.supervision.FindingConfirmed;
import cn.duban.kernel.supervision.FindingDismissed;
import cn.duban.platform.axon.Audit;
import org.axonframework.messaging.annotation.MetaDataValue;
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
    /** The units of a 互查 round; empty when supervisors inspect. */
    private List<String> inspectors = List.of();
    /** 互查 findings awaiting a supervisor, by finding id: who recorded each (the four-eyes check). */
    private final java.util.Map<String, String> proposedBy = new java.util.HashMap<>();

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
        List<String> inspectors = c.inspectors().stream().distinct().toList();
        if (inspectors.size() == 1) {
            throw new InvalidInputException("inspectors", "互查须至少两个单位 / a 互查 round needs at least two units");
        }
        for (int i = 0; i < inspectors.size(); i++) {
            try {
                references.requireUnit(inspectors.get(i));
            } catch (cn.duban.kernel.error.NotFoundException e) {
                throw new InvalidInputException("inspectors[" + i + "]", "单位不存在 / no such unit: " + inspectors.get(i));
            }
        }
        apply(new InspectionRoundOpened(c.roundId(), c.schemeId(), c.kind(), title, c.cutoff(), positions.positionAt(c.cutoff()), c.method(),
                inspectors));
    }

    /**
     * Supervisors record findings that stand at once. In a 互查 round the staff of an inspecting unit
     * record findings on the other units too, never on their own; those stand once a supervisor
     * confirms them.
     */
    @CommandHandler
    void handle(RecordFinding c, References references, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        String inspectorUnit = null;
        if (Role.UNIT_STAFF.name().equals(role)) {
            if (!inspectors.contains(actorUnit)) {
                throw new ForbiddenException("只有本轮互查单位可记录督查发现 / only the units of this 互查 round record findings");
            }
            if (actorUnit.equals(c.unitId())) {
                throw new ForbiddenException("互查不检查本单位 / a unit does not inspect itself");
            }
            inspectorUnit = actorUnit;
        }
        requireOpen();
        if (c.itemCode() != null) {
            references.requireItemFor(c.unitId(), schemeId, c.itemCode());
        } else {
            references.requireUnit(c.unitId());
        }
        if (c.text() == null || c.text().isBlank()) {
            throw new InvalidInputException("text", "必填 / required");
        }
        if (c.severity() == null) {
            throw new InvalidInputException("severity", "必填 / required");
        }
        apply(new FindingRecorded(roundId, c.findingId(), c.unitId(), c.itemCode(), c.text().strip(), c.severity(),
                c.evidence() == null ? List.of() : List.copyOf(c.evidence()), inspectorUnit));
    }

    @CommandHandler
    void handle(ConfirmFinding c, @MetaDataValue(Audit.ACTOR) String actor) {
        References.FindingRef f = proposal(c.findingId(), actor);
        apply(new FindingConfirmed(roundId, f.findingId(), f.unitId(), actor));
    }

    @CommandHandler
    void handle(DismissFinding c, @MetaDataValue(Audit.ACTOR) String actor) {
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "必填 / required");
        }
        References.FindingRef f = proposal(c.findingId(), actor);
        apply(new FindingDismissed(roundId, f.findingId(), f.unitId(), c.reason().strip(), actor));
    }

    /** A 互查 finding awaiting its decision, decided by someone other than who recorded it (four eyes). */
    private References.FindingRef proposal(String findingId, String actor) {
        References.FindingRef f = finding(findingId).orElseThrow(() -> new cn.duban.kernel.error.NotFoundException("督查发现不存在 / finding not found: " + findingId));
        if (!proposedBy.containsKey(findingId)) {
            throw new ConflictException(f.stands() ? "该发现已成立 / this finding stands already" : "该发现已被驳回 / this finding was dismissed");
        }
        if (proposedBy.get(findingId).equals(actor)) {
            throw new ConflictException("确认须由记录人以外的督查人员进行 / another person than its recorder decides it");
        }
        requireOpen();
        return f;
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
        inspectors = e.inspectors();
    }

    @EventSourcingHandler
    void on(FindingRecorded e, @MetaDataValue(Audit.ACTOR) String actor) {
        findings.put(e.findingId(), new References.FindingRef(roundId, e.findingId(), e.unitId(), e.itemCode(), e.text(), !e.proposed()));
        if (e.proposed()) {
            // Who recorded it travels in the event's metadata, so the four-eyes check holds after a reload.
            proposedBy.put(e.findingId(), actor == null ? "" : actor);
        }
    }

    @EventSourcingHandler
    void on(FindingConfirmed e) {
        proposedBy.remove(e.findingId());
        findings.computeIfPresent(e.findingId(), (id, f) -> new References.FindingRef(f.roundId(), f.findingId(), f.unitId(), f.itemCode(), f.text(), true));
    }

    @EventSourcingHandler
    void on(FindingDismissed e) {
        proposedBy.remove(e.findingId());
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
