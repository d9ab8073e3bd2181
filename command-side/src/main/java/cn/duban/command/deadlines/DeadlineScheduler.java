package cn.duban.command.deadlines;

import cn.duban.command.assignment.OpenAssignments;
import cn.duban.command.supervision.OpenRectifications;
import cn.duban.kernel.calendar.DistrictTime;
import cn.duban.kernel.assignment.CheckAssignmentDeadlines;
import cn.duban.kernel.people.SystemActors;
import cn.duban.kernel.supervision.CheckRectificationDeadline;
import cn.duban.platform.axon.Audit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Asks every open assignment and rectification, once a minute by default, what today's date calls for. The
 * assignment decides and records it; asking again changes nothing, so two command-side replicas
 * may both run this.
 */
@Component
public class DeadlineScheduler {
    private static final Logger log = LoggerFactory.getLogger(DeadlineScheduler.class);
    private final OpenAssignments open;
    private final OpenRectifications rectifications;
    private final cn.duban.command.scheme.OpenSchemeReporting schemes;
    private final cn.duban.command.supervision.OpenCopyNotices copyNotices;
    private final CommandGateway commands;
    private final Clock clock;
    private final org.springframework.boot.availability.ApplicationAvailability availability;

    public DeadlineScheduler(OpenAssignments open, OpenRectifications rectifications, cn.duban.command.scheme.OpenSchemeReporting schemes,
                             cn.duban.command.supervision.OpenCopyNotices copyNotices, CommandGateway commands, Clock dubanClock,
                             org.springframework.boot.availability.ApplicationAvailability availability) {
        this.availability = availability;
        this.schemes = schemes;
        this.copyNotices = copyNotices;
        this.open = open;
        this.rectifications = rectifications;
        this.commands = commands;
        this.clock = dubanClock;
    }

    /**
     * Once the platform accepts traffic: before that, start-up is still recording (the demo's load
     * runs under its simulated clock, whose "today" is a day of its year) and the watch lists are
     * still catching up, so a round then would check some days of the past against some of the open
     * subjects, and the demo would come out differently on each start.
     */
    @Scheduled(fixedDelayString = "${duban.deadlines.check-interval:PT1M}", initialDelayString = "${duban.deadlines.initial-delay:PT10S}")
    public void checkWhenReady() {
        if (availability.getReadinessState() == org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC) {
            checkAll();
        } else {
            log.debug("Still starting; deadlines are checked by the next round");
        }
    }

    public void checkAll() {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        // One check records everything the day calls for, as one commit.
        check("assignment", open.ids(), id -> new CheckAssignmentDeadlines(id, today));
        check("rectification", rectifications.ids(), id -> new CheckRectificationDeadline(id, today));
        check("copy notice", copyNotices.ids(), id -> new cn.duban.kernel.supervision.CheckCopyNoticeDeadline(id, today));
        check("scheme reporting", schemes.ids(), id -> new cn.duban.kernel.scheme.CheckSchemeReportingDeadline(id, today));
    }

    /** Sends each watched subject its check; one subject's failure must not stop the others, and is retried next round. */
    private void check(String what, java.util.List<String> ids, java.util.function.Function<String, Object> checkOf) {
        for (String id : ids) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(checkOf.apply(id))
                        .andMetaData(Map.of(Audit.ACTOR, SystemActors.DEADLINES)));
            } catch (ConcurrencyException e) {
                log.debug("The {} {} changed while its deadline was checked; the next round checks it again", what, id);
            } catch (RuntimeException e) {
                log.error("Checking the deadline of {} {} failed", what, id, e);
            }
        }
    }
}
