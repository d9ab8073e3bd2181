package cn.duban.command.assessment;

import cn.duban.command.common.References;
import cn.duban.kernel.assessment.DecideAppeal;
import cn.duban.kernel.assessment.FileAppeal;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.assessment.AppealFiled;
import cn.duban.kernel.assessment.AppealRejected;
import cn.duban.kernel.assessment.AppealUpheld;
import cn.duban.kernel.assessment.AppealWithdrawn;
import cn.duban.kernel.assessment.WithdrawAppeal;
import cn.duban.kernel.people.UnitScope;
import cn.duban.platform.axon.Audit;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An appeal (申诉) of a unit against its score on one item: filed with a reason, then decided once by
 * the lead office, or withdrawn (撤回) before that by its unit's staff or the lead office.
 */
@Aggregate(cache = "aggregateCache")
class Appeal {
    @AggregateIdentifier
    private String appealId;
    private String unitId;
    private String schemeId;
    private String itemCode;
    private boolean decided;
    private boolean withdrawn;

    protected Appeal() {
    }

    @CommandHandler
    public Appeal(FileAppeal c, References references) {
        references.requireItemFor(c.unitId(), c.schemeId(), c.itemCode());
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "申诉须说明理由 / an appeal needs its reason");
        }
        apply(new AppealFiled(c.appealId(), c.unitId(), c.schemeId(), c.itemCode(), c.reason().strip(), c.materials()));
    }

    @CommandHandler
    void handle(DecideAppeal c) {
        requireUndecided();
        if (c.note() == null || c.note().isBlank()) {
            throw new InvalidInputException("note", "须说明处理意见 / the decision needs its note");
        }
        if (c.upheld()) {
            BigDecimal points = c.points() == null ? BigDecimal.ZERO : c.points();
            if (points.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidInputException("points", "须在-100到100之间 / must be between -100 and 100");
            }
            apply(new AppealUpheld(appealId, unitId, schemeId, itemCode, points, c.note().strip()));
        } else {
            apply(new AppealRejected(appealId, unitId, schemeId, itemCode, c.note().strip()));
        }
    }

    @CommandHandler
    void handle(WithdrawAppeal c, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        requireUndecided();
        if (c.reason() == null || c.reason().isBlank()) {
            throw new InvalidInputException("reason", "撤回须说明原因 / a withdrawal needs its reason");
        }
        apply(new AppealWithdrawn(appealId, unitId, schemeId, itemCode, c.reason().strip()));
    }

    private void requireUndecided() {
        if (decided) {
            throw new ConflictException("该申诉已处理 / this appeal was already decided");
        }
        if (withdrawn) {
            throw new ConflictException("该申诉已撤回 / this appeal was withdrawn");
        }
    }

    @EventSourcingHandler
    void on(AppealFiled e) {
        appealId = e.appealId();
        unitId = e.unitId();
        schemeId = e.schemeId();
        itemCode = e.itemCode();
    }

    @EventSourcingHandler
    void on(AppealUpheld e) {
        decided = true;
    }

    @EventSourcingHandler
    void on(AppealRejected e) {
        decided = true;
    }

    @EventSourcingHandler
    void on(AppealWithdrawn e) {
        withdrawn = true;
    }
}
