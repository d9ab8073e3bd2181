package cn.duban.command.reporting;

import cn.duban.command.common.References;
import cn.duban.kernel.people.UnitScope;
import cn.duban.kernel.reporting.CloseCampaign;
import cn.duban.kernel.reporting.LaunchCampaign;
import cn.duban.kernel.reporting.RecordCampaignProgress;
import cn.duban.kernel.reporting.WithdrawCampaign;
import cn.duban.kernel.reporting.WithdrawCampaignProgress;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.error.InvalidInputException;
import cn.duban.kernel.error.NotFoundException;
import cn.duban.kernel.reporting.CampaignClosed;
import cn.duban.kernel.reporting.CampaignLaunched;
import cn.duban.kernel.reporting.CampaignProgressRecorded;
import cn.duban.kernel.reporting.CampaignProgressWithdrawn;
import cn.duban.kernel.reporting.CampaignWithdrawn;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A rectification campaign (专项整治): launched, progress recorded while open, closed once; withdrawn
 * whole (撤回) once, open or closed, after which it takes nothing more.
 */
@Aggregate(cache = "aggregateCache")
public class Campaign {
    @AggregateIdentifier
    private String campaignId;
    private String unitId;
    private String kind;
    private LocalDate launchedOn;
    private boolean closed;
    private boolean withdrawn;
    /** Each step of progress by the id of the event that recorded it (a step is a record by that event, as sampling names it): withdrawn or not. */
    private final Map<String, Boolean> stepWithdrawn = new HashMap<>();

    protected Campaign() {
    }

    @CommandHandler
    public Campaign(LaunchCampaign command, References references) {
        references.requireUnit(command.unitId());
        references.requireHappened("launchedOn", command.launchedOn());
        // No rule scores a campaign by its kind (rules name measures), so the kinds are the ones the
        // district runs, OTHER for the rest: a kind of any other name was stored and shown as its code.
        java.util.Set<String> kinds = cn.duban.kernel.Words.codes("campaignKind");
        if (!kinds.contains(command.kind())) {
            throw new InvalidInputException("kind", "取值须为 / must be one of：" + kinds);
        }
        apply(new CampaignLaunched(command.campaignId(), command.unitId(), command.kind(), command.title().strip(), command.launchedOn()));
    }

    @CommandHandler
    void handle(RecordCampaignProgress command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit,
                References references) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        requireOpen();
        requireNotBeforeLaunch(command.on());
        references.requireHappened("on", command.on());
        apply(new CampaignProgressRecorded(campaignId, unitId, kind, command.measure(), command.quantity(), command.on(),
                references.requireMaterials(unitId, command.materials())));
    }

    @CommandHandler
    void handle(WithdrawCampaignProgress command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        Boolean withdrawn = stepWithdrawn.get(command.progressEventId());
        if (withdrawn == null) {
            throw new NotFoundException("该专项整治没有此进展 / no such step of this campaign: " + command.progressEventId());
        }
        if (withdrawn) {
            throw new ConflictException("该进展已撤回 / this step was already withdrawn");
        }
        // Withdrawn to be reported again correctly: a closed campaign takes no more progress, so none is withdrawn from it either.
        requireOpen();
        apply(new CampaignProgressWithdrawn(campaignId, unitId, command.progressEventId(), command.reason().strip()));
    }

    /**
     * A campaign entered in error is withdrawn whole, open or closed (a closed one takes no step's
     * withdrawal, but one launched twice or for the wrong unit is still wrong once closed); its steps
     * go with it.
     */
    @CommandHandler
    void handle(WithdrawCampaign command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        requireNotWithdrawn();
        apply(new CampaignWithdrawn(campaignId, unitId, command.reason().strip()));
    }

    @CommandHandler
    void handle(CloseCampaign command, @MetaDataValue(Audit.ROLE) String role, @MetaDataValue(Audit.UNIT) String actorUnit,
                References references) {
        UnitScope.requireMayActFor(role, actorUnit, unitId);
        requireOpen();
        requireNotBeforeLaunch(command.on());
        references.requireHappened("on", command.on());
        apply(new CampaignClosed(campaignId, unitId, kind, command.on(), command.summary()));
    }

    private void requireOpen() {
        requireNotWithdrawn();
        if (closed) {
            throw new ConflictException("该专项整治已结束 / this campaign is closed");
        }
    }

    private void requireNotWithdrawn() {
        if (withdrawn) {
            throw new ConflictException("该专项整治已撤回 / this campaign was withdrawn");
        }
    }

    private void requireNotBeforeLaunch(LocalDate on) {
        if (on.isBefore(launchedOn)) {
            throw new InvalidInputException("on", "不能早于启动日期 " + launchedOn + " / cannot be before the launch date");
        }
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        unitId = event.unitId();
        kind = event.kind();
        launchedOn = event.launchedOn();
    }

    @EventSourcingHandler
    void on(CampaignProgressRecorded event, @MessageIdentifier String eventId) {
        stepWithdrawn.put(eventId, false);
    }

    @EventSourcingHandler
    void on(CampaignProgressWithdrawn event) {
        stepWithdrawn.put(event.progressEventId(), true);
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(CampaignWithdrawn event) {
        withdrawn = true;
    }

    public String unitId() {
        return unitId;
    }
}
