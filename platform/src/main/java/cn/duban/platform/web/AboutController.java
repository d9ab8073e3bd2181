package cn.duban.platform.web;

import cn.duban.platform.DemoMark;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** What this installation is: whether its data is the demo's (the web app then shows 演示数据). */
@RestController
@Tag(name = "平台 Platform")
public class AboutController {
    private final DemoMark demo;

    public AboutController(DemoMark demo) {
        this.demo = demo;
    }

    public record About(String product, boolean demo, Instant demoLoadedAt) {
    }

    @GetMapping("/api/about")
    @Operation(summary = "关于本系统 / whether this store holds the demo's data (演示数据)")
    public About about() {
        Instant loaded = demo.loadedAt().orElse(null);
        return new About("督办 Duban", loaded != null, loaded);
    }
}
