package cn.duban.command.deadlines;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DeadlineConfig {
    /** The platform's clock; tests put a controllable one in its place. */
    @Bean
    @ConditionalOnMissingBean(name = "dubanClock")
    public Clock dubanClock() {
        return Clock.systemUTC();
    }
}
