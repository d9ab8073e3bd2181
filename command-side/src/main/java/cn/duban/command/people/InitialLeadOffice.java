package cn.duban.command.people;

import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.RegisterUser;
import cn.duban.kernel.people.SystemActors;
import cn.duban.platform.axon.Audit;
import cn.duban.platform.security.Credentials;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Map;
import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.error.ConflictException;
import cn.duban.kernel.people.EnableUser;
import cn.duban.kernel.people.GrantRole;
import cn.duban.platform.consistency.ProjectionProgress;
import cn.duban.platform.eventstore.SequencedMongoEventStorageEngine;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * First start: the lead office's account {@code admin}, with the password from
 * {@code DUBAN_ADMIN_PASSWORD}, or else a generated one printed once in the log. Later starts leave
 * it alone (its password is changed in the app).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class InitialLeadOffice implements ApplicationRunner {
    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialLeadOffice.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final CommandGateway commands;
    private final Credentials credentials;
    private final String configured;
    private final ProjectionProgress progress;
    private final SequencedMongoEventStorageEngine engine;

    public InitialLeadOffice(CommandGateway commands, Credentials credentials, @Value("${duban.admin-password:}") String configured,
                             ProjectionProgress progress,
                             SequencedMongoEventStorageEngine engine) {
        this.commands = commands;
        this.credentials = credentials;
        this.configured = configured;
        this.progress = progress;
        this.engine = engine;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("reset-admin")) {
            resetAdmin();
            return;
        }
        if (credentials.hasPassword(USERNAME)) {
            return;
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUser(USERNAME, "流管中心管理员", Role.LEAD_OFFICE, null))
                    .andMetaData(Map.of(Audit.ACTOR, SystemActors.SETUP)));
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyThere) {
            log.info("The initial lead-office account exists already; setting its password");
        }
        if (configured != null && !configured.isBlank()) {
            credentials.setPassword(USERNAME, configured);
            log.info("Initial lead-office account '{}' created with the password from DUBAN_ADMIN_PASSWORD", USERNAME);
        } else {
            String generated = generate();
            credentials.setPassword(USERNAME, generated);
            // Printed this once, as the issue asks, so the first user can sign in; change it at once.
            log.warn("\n\n    初始管理员 / initial lead-office account:  {}  /  {}\n    请登录后立即修改密码 / change it after signing in\n", USERNAME, generated);
        }
        // Sign-in reads the user directory: let it learn of the account before anyone tries.
        if (!progress.awaitPosition(engine.lastCommittedPosition(), Duration.ofSeconds(60))) {
            log.warn("The user directory has not caught up yet; the first sign-in may have to wait");
        }
    }

    /**
     * Recovery when nobody can administer (started with {@code --reset-admin}, the server otherwise
     * stopped): {@code admin} exists, is enabled, holds the lead office's role, and has the password
     * from {@code DUBAN_ADMIN_PASSWORD} or a generated one printed once. Each step is an event on
     * record like any other, by {@code system:reset-admin}.
     */
    private void resetAdmin() {
        Map<String, String> meta = Map.of(Audit.ACTOR, SystemActors.RESET_ADMIN);
        String id = AggregateIds.user(USERNAME);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUser(USERNAME, "流管中心管理员", Role.LEAD_OFFICE, null)).andMetaData(meta));
        } catch (AggregateStreamCreationException | ConcurrencyException exists) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new EnableUser(id)).andMetaData(meta));
            } catch (ConflictException notDisabled) {
                log.info("'{}' is enabled", USERNAME);
            }
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new GrantRole(id, Role.LEAD_OFFICE, null)).andMetaData(meta));
            } catch (ConflictException holdsIt) {
                log.info("'{}' holds the lead office's role", USERNAME);
            }
        }
        String password = configured != null && !configured.isBlank() ? configured : generate();
        credentials.setPassword(USERNAME, password);
        log.warn("\n\n    管理员账号已恢复 / lead-office account restored:  {}{}\n", USERNAME,
                password.equals(configured) ? "  (DUBAN_ADMIN_PASSWORD)" : "  /  " + password);
        if (!progress.awaitPosition(engine.lastCommittedPosition(), Duration.ofSeconds(60))) {
            log.warn("The user directory has not caught up yet; the first sign-in may have to wait");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
