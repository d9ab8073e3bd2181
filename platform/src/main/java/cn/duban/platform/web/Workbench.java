package cn.duban.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.concurrent.TimeUnit;

/**
 * The Vue workbench (module {@code web}) lives at {@code /app/}: its page is served for the folder
 * itself, as the browser asks for it; its screens are routed inside the page ({@code /app/#/…}).
 *
 * <p>The page is asked for on every visit (Spring Security's {@code no-store}), and it names the
 * release's script and styles by their content's hash (Vite's file names), so the browser keeps
 * those for a year: otherwise each visit fetched the 1.6 MB script again. Kept privately, as only
 * signed-in users may fetch them.
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

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/app/assets/**").addResourceLocations("classpath:/static/app/assets/")
                .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable());
    }
}
