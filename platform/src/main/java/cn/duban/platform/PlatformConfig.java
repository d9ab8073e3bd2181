package cn.duban.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DubanProperties.class)
public class PlatformConfig {
    static {
        // No internet on these machines: Axon's update checker would only log failures.
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
    }

    /**
     * The one clock every "now" of the domain comes from (deadlines, today's light, the default
     * instant of a score, recording times); tests and a simulated demo put another in its place.
     * Infrastructure timers that measure real elapsed time (webhook back-off, sign-in lock-outs,
     * idempotency staleness) keep the system clock.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(name = "dubanClock")
    public java.time.Clock dubanClock() {
        return new DubanClock();
    }

    @Bean
    public OpenAPI dubanOpenApi() {
        return new OpenAPI().info(new Info().title("督办 Duban API").version("1")
                .description("目标责任制考核与督查：事件溯源的任务、事实、评分与历史回放。"
                        + " Target-responsibility tasking and supervision: every act an event, scores as of any instant."));
    }
}
