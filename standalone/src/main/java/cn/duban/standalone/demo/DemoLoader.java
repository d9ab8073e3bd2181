package cn.duban.standalone.demo;

import cn.duban.command.deadlines.DeadlineScheduler;
import cn.duban.kernel.people.SystemActors;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import cn.duban.kernel.people.RegisterUser;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.supervision.SampleDrawn;
import cn.duban.platform.DemoMark;
import cn.duban.platform.axon.Audit;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.materials.MaterialStore;
import cn.duban.platform.mongo.DurabilityBarrier;
import cn.duban.platform.security.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * {@code --demo}: on an empty store, loads the Beilun 2023 scheme, its roster and a year of activity
 * through the commands, then lets the deadlines act once, and creates one user of each role to try
 * the web app with. On a store that has events it does nothing. Runs before the initial account is
 * created, which would otherwise make the store non-empty.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DemoLoader implements ApplicationRunner {
    /** The demo users' password; printed in the log and the README. Demo data only. */
    public static final String DEMO_PASSWORD = "duban-demo-2023";
    static final String[][] DEMO_USERS = {
            {"xinqi-staff", "新碶街道联络员", "UNIT_STAFF", "xinqi"},
            {"gafj-staff", "公安分局联络员", "UNIT_STAFF", "gafj"},
            {"supervisor", "督查组李组长", "SUPERVISOR", null},
            {"supervisor2", "督查组王组员", "SUPERVISOR", null},
            {"leader", "分管区领导", "LEADER", null}};
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final CommandGateway gateway;
    private final SequencedMongoEventStorageEngine engine;
    private final DeadlineScheduler deadlines;
    private final ProjectionProgress progress;

    private final Credentials credentials;
    private final Clock clock;

    public DemoLoader(CommandGateway gateway, SequencedMongoEventStorageEngine engine, DeadlineScheduler deadlines,
                      Credentials credentials, Clock dubanClock,
                      MaterialStore materials, DemoMark mark,
                      ProjectionProgress progress, DurabilityBarrier durability) {
        this.durability = durability;
        this.progress = progress;
        this.mark = mark;
        this.materials = materials;
        this.gateway = gateway;
        this.clock = dubanClock;
        this.credentials = credentials;
        this.engine = engine;
        this.deadlines = deadlines;
    }

    private final MaterialStore materials;
    private final DemoMark mark;
    private final DurabilityBarrier durability;

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        if (engine.headPosition() >= 0) {
            log.info("--demo: the store already has events; nothing loaded");
            return;
        }
        long started = System.nanoTime();
        // One commit for the whole demo, not one per command: nobody is answered before it is loaded.
        int commands = durability.durableTogether(this::load);
        log.info("--demo: users xinqi-staff, gafj-staff (unit staff), supervisor, supervisor2, leader; password {}", DEMO_PASSWORD);
        log.info("--demo: loaded Beilun's 2022 and 2023 schemes, their units and two years of activity, each act recorded at its "
                        + "own instant ({} commands) in {} ms",
                commands, (System.nanoTime() - started) / 1_000_000);
    }

    /** Records the demo's two years, lets the deadlines act once and adds the demo's users; answers how many commands the years took. */
    private int load() {
        mark.mark(Instant.now());
        int commands = new DemoYear(gateway, clock, materials, sample -> engine.readEvents(sample).asStream()
                .map(m -> m.getPayload()).filter(SampleDrawn.class::isInstance)
                .map(p -> ((SampleDrawn) p).drawn()).findFirst().orElseThrow()).load();
        // The check asks what the watch lists know is open; they learn of today's assignments from
        // their events, so they catch up first, or today's lights wait for the next minute's check.
        if (!progress.awaitPosition(engine.lastCommittedPosition(), Duration.ofSeconds(60))) {
            log.warn("--demo: the read models did not catch up within a minute; today's deadlines are checked by the next round");
        }
        deadlines.checkAll();
        for (String[] u : DEMO_USERS) {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RegisterUser(u[0], u[1], Role.valueOf(u[2]), u[3]))
                    .andMetaData(Map.of(Audit.ACTOR, SystemActors.DEMO)));
            credentials.setPassword(u[0], DEMO_PASSWORD);
        }
        return commands;
    }
}
