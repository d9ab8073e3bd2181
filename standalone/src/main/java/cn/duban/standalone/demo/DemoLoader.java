package cn.duban.standalone.demo;

import cn.duban.command.deadlines.DeadlineScheduler;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --demo}: on an empty store, loads the Beilun 2023 scheme, its roster and a year of activity
 * through the commands, then lets the deadlines act once. On a store that has events it does nothing.
 */
@Component
public class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final CommandGateway gateway;
    private final SequencedMongoEventStorageEngine engine;
    private final DeadlineScheduler deadlines;

    public DemoLoader(CommandGateway gateway, SequencedMongoEventStorageEngine engine, DeadlineScheduler deadlines) {
        this.gateway = gateway;
        this.engine = engine;
        this.deadlines = deadlines;
    }

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
        int commands = new DemoYear(gateway).load();
        deadlines.checkAll();
        log.info("--demo: loaded the Beilun 2023 scheme, its 44 units and a year of activity ({} commands) in {} ms",
                commands, (System.nanoTime() - started) / 1_000_000);
    }
}
