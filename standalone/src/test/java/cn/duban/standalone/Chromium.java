package cn.duban.standalone;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Debian's headless Chromium for the browser tests, in Chinese, at desktop size. */
final class Chromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    /**
     * Screenshots are for the people who look at them, run by hand; CI looks at none and saving the
     * 118 of the workbench's journeys took about 20 s of its ten minutes (254 s without, 276 s with).
     * The checks made at each width (words only, cards within the screen) run either way.
     */
    static final boolean SAVE_SHOTS = System.getenv("CI") == null;

    private Chromium() {
    }

    /**
     * A browser, or the test skipped with the reason where Chromium is missing; CI installs it
     * (.ci/run) and must run the browser tests, so there a missing Chromium fails.
     */
    static WebDriver start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(present, "Chromium not installed: apt-get install chromium chromium-driver");
        }
        if (!present) {
            throw new AssertionError("chromium and chromium-driver must be installed");
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                // Composited on the CPU without an emulated GPU: the 45 journeys took 277 s instead of 317 s
                // (one run each, screenshots saved), Chromium's CPU 235 s instead of 272 s.
                "--disable-gpu",
                // The workbench honours reduced motion (no sliding drawers, no growing bars): steps need not wait for animations.
                "--force-prefers-reduced-motion");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
