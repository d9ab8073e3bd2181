package cn.duban.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Vue workbench (module {@code web}) lives at {@code /app/}: its page is served for the folder
 * itself, as the browser asks for it; its screens are routed inside the page ({@code /app/#/…}).
 */
@Configuration(proxyBeanMethods = false)
public class Workbench implements WebMvcConfigurer {
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // The workbench is the app: the site's root opens it (the sign-in page first, for a visitor).
        registry.addRedirectViewController("/", "/app/");
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
    }
}
