package cn.duban.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in real headless Chromium (Debian's chromium and chromium-driver): a unit clerk
 * reports a training and sees the score change, the lead office accepts an information report, a
 * supervisor moves the date slider back and sees the earlier score. Screenshots of the main
 * screens go to {@code target/screenshots/}.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {
    static final Path SHOTS = Chromium.SHOTS;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    WebDriver browser;
    WebDriverWait wait;
    Api lead;
    String reportId;
    BigDecimal before;
    BigDecimal after;

    @BeforeAll
    void start() throws IOException {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        lead = new Api(port);
        lead.post("/api/units", Map.of("id", "xinqi", "name", "新碶街道", "type", "STREET"));
        lead.post("/api/units", Map.of("id", "daqi", "name", "大碶街道", "type", "STREET"));
        assertThat(lead.post("/api/schemes", ApiFlowIT.SCHEME).status()).isEqualTo(201);
        lead.post("/api/schemes/beilun-2023/publish", "");
        Api clerk = lead.newUser("xinqi-clerk", "UNIT_STAFF", "xinqi");
        lead.newUser("li-supervisor", "SUPERVISOR", null);
        reportId = clerk.post("/api/units/xinqi/info-reports", Map.of("title", "新碶街道流动人口信息", "submittedOn", "2023-04-02")).id();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login.html");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav button")));
    }

    void shot(String name) throws IOException {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    BigDecimal number(String id) {
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        wait.until(d -> !e.getText().isBlank());
        return new BigDecimal(e.getText().strip());
    }

    BigDecimal trainingItem() {
        for (var item : lead.get("/api/units/xinqi/score?scheme=beilun-2023").body().get("items")) {
            if (item.get("code").asText().equals("S1.4")) {
                return item.get("score").decimalValue();
            }
        }
        throw new AssertionError("no S1.4");
    }

    @Test
    @Order(1)
    void aUnitClerkReportsATrainingAndSeesTheScoreChange() throws IOException {
        // Opening the app unsigned leads to the sign-in page, in Chinese.
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login.html"));
        assertThat(browser.findElement(By.id("signin")).getText()).isEqualTo("登录");
        shot("sign-in");
        signIn("xinqi-clerk", "xinqi-clerk-password");
        assertThat(browser.findElement(By.id("who")).getText()).contains("单位人员").contains("xinqi");
        shot("unit-inbox");
        browser.findElement(By.id("nav-myScore")).click();
        before = number("my-total");
        shot("unit-score");
        browser.findElement(By.id("nav-report")).click();
        WebElement heldOn = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("training-heldOn")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-03-10'", heldOn);
        browser.findElement(By.id("training-topic")).sendKeys("流动人口登记业务培训");
        browser.findElement(By.id("training-attendees")).sendKeys("45");
        browser.findElement(By.id("training-hours")).sendKeys("2");
        browser.findElement(By.id("training-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("training-ok")));
        shot("unit-report-training");
        browser.findElement(By.id("nav-myScore")).click();
        wait.until(d -> !new BigDecimal(d.findElement(By.id("my-total")).getText().strip()).equals(before));
        after = number("my-total");
        // One training of the two the quota asks: 2 points of S1.4 back.
        assertThat(after.subtract(before)).isEqualByComparingTo("2");
        assertThat(trainingItem()).isEqualByComparingTo("4");
        assertThat(browser.findElement(By.cssSelector("tr[data-item='S1.4']")).getText()).contains("1/2");
        shot("unit-score-after");
        // The same screen at phone width: the table keeps item, max and score.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat(browser.findElement(By.cssSelector("tr[data-item='S1.4'] td:nth-child(3)")).isDisplayed()).isTrue();
        shot("unit-score-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    @Order(2)
    void theLeadOfficeAcceptsAnInformationReport() throws IOException {
        signIn("admin", TestData.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-chart")));
        wait.until(d -> !d.findElements(By.cssSelector("#ranking-chart canvas")).isEmpty());
        shot("lead-dashboard");
        browser.findElement(By.id("nav-reports")).click();
        WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(By.id("accept-" + reportId)));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("level-" + reportId))).selectByValue("TYPICAL");
        shot("lead-reports");
        accept.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accepted")));
        assertThat(browser.findElements(By.id("accept-" + reportId))).isEmpty();
        assertThat(lead.get("/api/info-reports/pending").body()).isEmpty();
        var facts = lead.get("/api/units/xinqi/facts").body().toString();
        assertThat(facts).contains("InfoReportAccepted").contains("TYPICAL");
        browser.findElement(By.id("nav-users")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "li-supervisor"));
        assertThat(browser.findElements(By.cssSelector("tr[data-user='li-supervisor'] button"))).as(browser.findElement(By.id("main")).getDomProperty("innerHTML")).hasSize(2);
        shot("lead-users");
    }

    @Test
    @Order(3)
    void aSupervisorMovesTheDateSliderBackAndSeesTheEarlierScore() throws IOException {
        signIn("li-supervisor", "li-supervisor-password");
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("replay-unit")))).selectByValue("xinqi");
        BigDecimal now = lead.get("/api/units/xinqi/score?scheme=beilun-2023").body().get("total").decimalValue();
        wait.until(d -> {
            String text = d.findElement(By.id("replay-total")).getText().strip();
            return !text.isEmpty() && !text.equals("—") && new BigDecimal(text).compareTo(now) == 0;
        });
        wait.until(d -> !d.findElements(By.cssSelector("#replay-chart canvas")).isEmpty());
        shot("supervisor-replay-now");
        WebElement slider = browser.findElement(By.id("slider"));
        slider.click();
        slider.sendKeys(Keys.HOME);
        // The click lands mid-slider and shows that date's score first; wait for the one at the start.
        wait.until(d -> {
            String text = d.findElement(By.id("replay-total")).getText().strip();
            return !text.isEmpty() && !text.equals("—") && new BigDecimal(text).compareTo(before) == 0;
        });
        BigDecimal earlier = number("replay-total");
        String at = browser.findElement(By.id("slider-date")).getText();
        // What the slider shows is the score as of its date: before the training and the accepted report.
        assertThat(earlier).isEqualByComparingTo(before);
        assertThat(at).startsWith("20");
        shot("supervisor-replay-earlier");
    }

    @Test
    @Order(5)
    void aUserChangesTheirOwnPasswordInTheApp() {
        lead.newUser("wang-clerk", "UNIT_STAFF", "daqi");
        signIn("wang-clerk", "wang-clerk-password");
        browser.findElement(By.id("nav-myPassword")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-currentPassword"))).sendKeys("not-my-password");
        browser.findElement(By.id("password-newPassword")).sendKeys("a-new-long-password");
        browser.findElement(By.id("password-submit")).click();
        // The API's message, Chinese first, next to the form.
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-error"))).getText()).contains("当前密码不正确");
        browser.findElement(By.id("password-currentPassword")).clear();
        browser.findElement(By.id("password-currentPassword")).sendKeys("wang-clerk-password");
        browser.findElement(By.id("password-newPassword")).clear();
        browser.findElement(By.id("password-newPassword")).sendKeys("a-new-long-password");
        browser.findElement(By.id("password-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-ok")));
        assertThat(lead.as("wang-clerk", "a-new-long-password").get("/api/me").status()).isEqualTo(200);
        assertThat(lead.as("wang-clerk", "wang-clerk-password").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void everyScreenOfEveryRoleOpensWithoutAnError() throws IOException {
        lead.newUser("zhang-leader", "LEADER", null);
        String[][] people = {{"admin", TestData.ADMIN_PASSWORD}, {"xinqi-clerk", "xinqi-clerk-password"},
                {"li-supervisor", "li-supervisor-password"}, {"zhang-leader", "zhang-leader-password"}};
        for (String[] person : people) {
            signIn(person[0], person[1]);
            for (WebElement button : browser.findElements(By.cssSelector("nav button"))) {
                String screen = button.getDomAttribute("data-screen");
                button.click();
                wait.until(d -> d.findElement(By.cssSelector("nav button[data-screen='" + screen + "']")).getDomAttribute("class").contains("active")
                        && d.findElements(By.xpath("//main/p[text()='…']")).isEmpty());
                assertThat(browser.findElements(By.cssSelector("main p.message:not(.ok)")))
                        .as("%s sees an error on %s: %s", person[0], screen, browser.findElement(By.id("main")).getText())
                        .isEmpty();
                shot("screen-" + person[0] + "-" + screen);
            }
        }
    }
}
