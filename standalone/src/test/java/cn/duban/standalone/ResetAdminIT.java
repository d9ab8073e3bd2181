package cn.duban.standalone;

import cn.duban.kernel.AggregateIds;
import cn.duban.kernel.people.Role;
import cn.duban.kernel.people.DisableUser;
import cn.duban.kernel.people.RegisterUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody left to administer (the only lead-office account disabled behind the API's back, as a
 * damaged store might have it): started once with {@code --reset-admin}, the district has its
 * administrator again, with the password from the configuration.
 */
class ResetAdminIT {
    static ConfigurableApplicationContext start(Path dir, String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--duban.data-dir=" + dir;
        args[1] = "--duban.mongodb-uri=";
        args[2] = "--server.port=0";
        args[3] = "--duban.deadlines.initial-delay=PT24H";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(DubanApplication.class)
                .properties("duban.admin-password=" + TestData.ADMIN_PASSWORD, "duban.security.argon2.memory-kib=1024",
                        "duban.security.argon2.iterations=1")
                .run(args);
    }

    static int port(ConfigurableApplicationContext ctx) {
        return ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    void resetAdminRestoresTheLeadOfficeAccount() {
        Path dir = TestData.newDataDir();
        try (ConfigurableApplicationContext ctx = start(dir)) {
            CommandGateway commands = ctx.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterUser("clerk", "科员", Role.LEADER, null));
            commands.sendAndWait(new DisableUser(AggregateIds.user("admin"), "误操作"));
            Api admin = new Api(port(ctx));
            // The command went straight to the gateway, not through HTTP's read-your-writes wait: the
            // user directory (its own tracking processor) refuses the account once it has the event.
            int status = admin.get("/api/me").status();
            for (int i = 0; i < 100 && status != 401; i++) {
                sleep(50);
                status = admin.get("/api/me").status();
            }
            assertThat(status).isEqualTo(401);
        }
        try (ConfigurableApplicationContext ctx = start(dir, "--reset-admin")) {
            Api admin = new Api(port(ctx));
            var me = admin.get("/api/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().get("role").asText()).isEqualTo("LEAD_OFFICE");
            assertThat(admin.get("/api/audit/actors/system:reset-admin").body().toString()).contains("UserEnabled");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
