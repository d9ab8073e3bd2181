package cn.duban.command.deadlines;

import cn.duban.command.assignment.OpenAssignments;
import cn.duban.command.supervision.OpenRectifications;
import cn.duban.kernel.assignment.DistrictTime;
import cn.duban.kernel.assignment.CheckAssignmentDeadlines;
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

    public DeadlineScheduler(OpenAssignments open, OpenRectifications rectifications, cn.duban.command.scheme.OpenSchemeReporting schemes,
                             cn.duban.command.supervision.OpenCopyNotices copyNotices, CommandGateway commands, Clock dubanClock) {
        this.schemes = schemes;
        this.copyNotices = copyNotices;
        this.open = open;
        this.rectifications = rectifications;
        this.commands = commands;
        this.clock = dubanClock;
    }

    @Scheduled(fixedDelayString = "${duban.deadlines.check-interval:PT1M}", initialDelayString = "${duban.deadlines.initial-delay:PT10S}")
    public void checkAll() {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        for (String id : open.ids()) {
            try {
                // One check records everything the day calls for, as one commit.
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CheckAssignmentDeadlines(id, today))
                        .andMetaData(Map.of(Audit.ACTOR, "system:deadlines")));
            } catch (ConcurrencyException e) {
                log.debug("Assignment {} changed while checking its deadlines; the next round checks it again", id);
            } catch (RuntimeException e) {
                // One assignment's failure must not stop the others being checked; it is retried next round.
                log.error("Checking the deadlines of assignment {} failed", id, e);
            }
        }
        for (String id : rectifications.ids()) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CheckRectificationDeadline(id, today))
                        .andMetaData(Map.of(Audit.ACTOR, "system:deadlines")));
            } catch (ConcurrencyException e) {
                log.debug("Rectification {} changed while checking its deadline; the next round checks it again", id);
            } catch (RuntimeException e) {
                log.error("Checking the deadline of rectification {} failed", id, e);
            }
        }
        for (String id : copyNotices.ids()) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new cn.duban.kernel.supervision.CheckCopyNoticeDeadline(id, today))
                        .andMetaData(Map.of(Audit.ACTOR, "system:deadlines")));
            } catch (ConcurrencyException e) {
                log.debug("Copy notice {} changed while checking its deadline; the next round checks it again", id);
            } catch (RuntimeException e) {
                log.error("Checking the deadline of copy notice {} failed", id, e);
            }
        }
        for (String id : schemes.ids()) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new cn.duban.kernel.scheme.CheckSchemeReportingDeadline(id, today))
                        .andMetaData(Map.of(Audit.ACTOR, "system:deadlines")));
            } catch (ConcurrencyException e) {
                log.debug("Scheme {} changed while checking its reporting deadline; the next round checks it again", id);
            } catch (RuntimeException e) {
                log.error("Checking the reporting deadline of scheme {} failed", id, e);
            }
        }
    }
}
