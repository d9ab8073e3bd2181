package cn.duban.query.webhook;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The query side alone also needs scheduling, for the webhook sender. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WebhookScheduling {
}
