package cn.duban.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vue workbench ({@code /app/}) on the demo, in Debian's headless Chromium, as each role would
 * use it: the overview names units by their Chinese names, the assignment board and its drawer speak
 * in words, a score as of 30 June 2023 differs from today's, a supervisor replays the year, the lead
 * office accepts an information report after reading it. Every screen is photographed at desktop
 * and phone width under {@code target/screenshots/}, and no screen shows a unit id, an enum constant
 * or a raw instant.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, args = "--demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserIT {
    static final Path SHOTS = Chromium.SHOTS;
    /** What a person must never read: a unit's id, a code, an ISO instant. */
    static final Pattern MACHINE_WORDS = Pattern.compile("(?<![A-Za-z_])(xinqi|daqi|gafj|yjglj|shzlzx|zhzfj|OPEN|COMPLETED|CANCELLED|COMPLETION_SUBMITTED"
            + "|RED|GREEN|YELLOW|BLUE|STREET|DEPARTMENT|LEAD_OFFICE|UNIT_STAFF|SUPERVISOR|PER_FAILURE|THRESHOLD|QUOTA|GENERAL|TYPICAL)(?![A-Za-z_])"
            + "|\\d{4}-\\d{2}-\\d{2}T\\d{2}:");

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // The demo's ranking is complete once its read models caught up.
        Api admin = new Api(port);
        for (int i = 0; i < 200 && admin.get("/api/schemes/beilun-2023/ranking").body().size() < 44; i++) {
            Thread.sleep(100);
        }
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
        wait.until(ExpectedConditions.elementToBeClickable(By.id("signin")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    }

    void open(String route, String waitFor) {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get("http://localhost:" + port + "/app/#" + route);
        waitForText(waitFor);
    }

    void waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    String page() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Photographs the screen at desktop and phone width, and checks it speaks in words. */
    void shots(String name) throws Exception {
        humanWordsOnly(name);
        save(name + "-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        Thread.sleep(400);
        humanWordsOnly(name + " (phone)");
        save(name + "-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        Thread.sleep(200);
    }

    void humanWordsOnly(String screen) {
        var found = MACHINE_WORDS.matcher(page());
        assertThat(found.find()).as(screen + " shows a machine word: " + (found.hitEnd() ? "" : found.group())).isFalse();
    }

    void save(String name) throws IOException {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve("workbench-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void theLeadOfficeSeesBothRankingsByNameAndTheDemoBanner() throws Exception {
        signIn("admin", TestData.ADMIN_PASSWORD);
        open("/", "街道排名");
        assertThat(page()).contains("演示数据", "部门排名", "北仑区2023年度", "截至");
        WebElement streets = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=streets][aria-label]")));
        wait.until(d -> streets.getAttribute("aria-label").contains("新碶街道"));
        assertThat(browser.findElement(By.cssSelector("[data-test=departments][aria-label]")).getAttribute("aria-label")).contains("公安分局");
        shots("overview");
    }

    @Test
    @Order(2)
    void theAssignmentBoardAndItsDrawerSpeakInWords() throws Exception {
        open("/assignments", "交办督办");
        waitForText("牵头单位");
        wait.until(d -> !d.findElements(By.cssSelector(".board .el-table__row")).isEmpty());
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> d.findElement(By.cssSelector(".cards")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector(".cards")).getText()).as("phone: the board as cards").contains("截止", "签收");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        assertThat(page()).containsAnyOf("已办结", "办理中").containsAnyOf("已逾期", "临近期限", "正常推进");
        shots("assignments");
        browser.findElements(By.cssSelector(".board .el-table__row")).get(0).click();
        waitForText("办理历史");
        waitForText("交办");
        assertThat(page()).contains("各单位办理情况");
        shots("assignment-drawer");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        wait.until(d -> d.findElements(By.cssSelector(".el-drawer")).stream().noneMatch(WebElement::isDisplayed));

        // Issuing: a lead unit chosen by its name, a deadline, a phase; the board lists it.
        browser.findElement(By.cssSelector("[data-test=issue]")).click();
        WebElement form = wait.until(d -> d.findElement(By.cssSelector(".issue-form")));
        form.findElement(By.cssSelector("[data-test=issue-title] input")).sendKeys("出租房屋安全隐患排查（工作台）");
        form.findElement(By.cssSelector("[data-test=issue-lead] input")).click();
        WebElement police = wait.until(d -> d.findElements(By.cssSelector(".el-select-dropdown__item")).stream()
                .filter(o -> o.isDisplayed() && o.getText().equals("公安分局")).findFirst().orElse(null));
        police.click();
        WebElement deadline = form.findElement(By.cssSelector("[data-test=issue-deadline] input"));
        deadline.click();
        deadline.sendKeys("2027-03-31\n");
        shots("issue-form");
        form.findElement(By.xpath(".//button[span[text()='交办']]")).click();
        waitForText("已交办");
        wait.until(d -> page().contains("出租房屋安全隐患排查（工作台）"));
    }

    @Test
    @Order(3)
    void aScoreAsOfMidYearDiffersFromTodaysWithReasonsInWords() throws Exception {
        open("/score", "总分");
        wait.until(d -> !d.findElements(By.cssSelector(".items .el-table__row")).isEmpty());
        String now = browser.findElement(By.cssSelector("[data-test=total]")).getText();
        assertThat(page()).contains("业务培训");
        shots("score");
        WebElement date = browser.findElement(By.cssSelector(".toolbar .el-date-editor input"));
        date.click();
        date.sendKeys("2023-06-30\n");
        waitForText("截至 2023-06-30");
        wait.until(d -> !d.findElement(By.cssSelector("[data-test=total]")).getText().equals(now));
        shots("score-mid-2023");
    }

    @Test
    @Order(4)
    void theLeadOfficeReadsAReportBeforeAcceptingIt() throws Exception {
        open("/info-review", "信息审核");
        wait.until(d -> !d.findElements(By.cssSelector(".report")).isEmpty() || page().contains("没有待审核的信息"));
        List<WebElement> reports = browser.findElements(By.cssSelector(".report"));
        assertThat(reports).as("the demo leaves reports waiting").isNotEmpty();
        String waiting = browser.findElement(By.cssSelector(".page-sub")).getText();
        String report = reports.get(0).getAttribute("data-report");
        assertThat(reports.get(0).getText()).contains("报送").as("the text is read before deciding")
                .containsAnyOf("积分", "出租房屋", "小候鸟", "群租", "核查");
        shots("info-review");
        reports.get(0).findElement(By.cssSelector(".el-button--success")).click();
        waitForText("确认录用");
        browser.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        waitForText("已录用");
        wait.until(d -> !d.findElement(By.cssSelector(".page-sub")).getText().equals(waiting));
        assertThat(browser.findElements(By.cssSelector("[data-report='" + report + "']"))).isEmpty();
        assertThat(new Api(port).get("/api/records/" + report).body().get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    @Order(5)
    void aSupervisorReplaysTheYear() throws Exception {
        signIn("supervisor", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD);
        open("/replay", "历史回放");
        waitForText("截至 2023-06-30");
        wait.until(d -> page().contains("新碶街道"));
        assertThat(browser.findElements(By.cssSelector(".el-card")).get(0).findElement(By.cssSelector(".el-table__row")).getText())
                .as("sub-districts ranked among themselves").startsWith("1");
        assertThat(page()).contains("按录入时间", "按发生时间", "督查组");
        shots("replay");
        // Two dates compared: each unit's change, and for one unit the causes in words.
        open("/compare", "两日对比");
        wait.until(d -> !d.findElements(By.cssSelector(".rows .el-table__row")).isEmpty());
        shots("compare");
        browser.findElements(By.cssSelector(".rows .el-table__row")).get(0).click();
        wait.until(d -> !d.findElements(By.cssSelector(".change .cause")).isEmpty());
        shots("compare-unit");
    }

    @Test
    @Order(6)
    void aUnitClerkAcknowledgesATaskAndReadsTheirNotifications() throws Exception {
        signIn("xinqi-staff", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD);
        open("/inbox", "我的待办");
        waitForText("新碶街道");
        wait.until(d -> !d.findElements(By.cssSelector(".task")).isEmpty());
        shots("inbox");
        List<WebElement> acknowledge = browser.findElements(By.xpath("//button[span[text()='签收']]"));
        assertThat(acknowledge).as("the demo gives 新碶 an assignment to acknowledge").isNotEmpty();
        acknowledge.get(0).click();
        waitForText("已签收");
        browser.findElement(By.xpath("//div[contains(@class,'el-tabs__item')][contains(., '通知')]")).click();
        wait.until(d -> page().contains("催办") || page().contains("新交办任务"));
        assertThat(page()).as("in Chinese, the English halves of messages are left out").doesNotContain("listed supervision", "due soon");
        shots("notifications");
    }

    @Test
    @Order(7)
    void aUnitClerkReportsATrainingWithItsPhoto() throws Exception {
        open("/report", "工作填报");
        Path photo = Files.createTempFile("培训现场", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", photo.toFile());
        WebElement form = browser.findElement(By.cssSelector("[data-test=training-form]"));
        form.findElement(By.cssSelector("input[maxlength='200']")).sendKeys("网格员业务培训（工作台）");
        form.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toAbsolutePath().toString());
        wait.until(d -> !form.findElements(By.cssSelector(".el-upload-list__item.is-success")).isEmpty());
        shots("report-training");
        form.findElement(By.xpath(".//button[span[text()='报送培训']]")).click();
        waitForText("培训已报送");
        Api admin = new Api(port);
        com.fasterxml.jackson.databind.JsonNode filed = null;
        for (com.fasterxml.jackson.databind.JsonNode fact : admin.get("/api/units/xinqi/facts").body()) {
            if (fact.path("kind").asText().equals("TRAINING")) {
                com.fasterxml.jackson.databind.JsonNode record = admin.get("/api/records/" + fact.get("subjectId").asText()).body();
                if (record.path("title").asText().equals("网格员业务培训（工作台）")) {
                    filed = record;
                }
            }
        }
        assertThat(filed).as("the training is recorded").isNotNull();
        assertThat(filed.get("materials")).extracting(m -> m.get("contentType").asText()).containsExactly("image/png");
    }

    /** 新碶's sample waits for its check and recheck; two different supervisors give them. */
    @Test
    @Order(8)
    void oneSupervisorChecksASampledRecordAndAnotherRechecksIt() throws Exception {
        signIn("supervisor", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD);
        open("/sampling", "抽查核实");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector(".samples .el-table__row")).stream()
                .filter(r -> r.getText().contains("新碶街道")).findFirst().orElse(null));
        row.click();
        waitForText("待核查");
        assertThat(page()).as("the drawn records with their content").contains("业务培训", "参训");
        shots("sample");
        String record = browser.findElements(By.cssSelector(".record")).get(0).getAttribute("data-record");
        browser.findElement(By.cssSelector("[data-record='" + record + "']")).findElement(By.xpath(".//button[span[text()='核查：属实']]")).click();
        browser.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        waitForText("已核查");
        wait.until(d -> d.findElement(By.cssSelector("[data-record='" + record + "']")).getText().contains("待另一名督查人员复核"));

        signIn("supervisor2", cn.duban.standalone.demo.DemoLoader.DEMO_PASSWORD);
        open("/sampling", "抽查核实");
        wait.until(d -> d.findElements(By.cssSelector(".samples .el-table__row")).stream().anyMatch(r -> r.getText().contains("新碶街道")));
        browser.findElements(By.cssSelector(".samples .el-table__row")).stream().filter(r -> r.getText().contains("新碶街道")).findFirst().orElseThrow().click();
        WebElement mine = wait.until(d -> d.findElement(By.cssSelector("[data-record='" + record + "']")));
        wait.until(d -> !mine.findElements(By.xpath(".//button[span[text()='复核：属实']]")).isEmpty());
        mine.findElement(By.xpath(".//button[span[text()='复核：属实']]")).click();
        browser.findElement(By.cssSelector(".el-message-box__btns .el-button--primary")).click();
        waitForText("已复核");
        wait.until(d -> d.findElement(By.cssSelector("[data-record='" + record + "']")).getText().contains("复核：属实（"));
        assertThat(browser.findElement(By.cssSelector("[data-record='" + record + "']")).getText())
                .as("supervisors named by their names, not their accounts").doesNotContain("supervisor");
        shots("sample-rechecked");
    }
}
