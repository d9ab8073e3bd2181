package cn.duban.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the workbench reaches a clerk's browser over a district's network: its scripts are fetched
 * once per release, not on every visit, each screen's when it is first opened, and text answers
 * travel compressed to a browser that accepts it. Before this, every page carried Spring Security's {@code no-store} and nothing
 * was compressed, so each visit fetched the whole bundle again.
 */
@SpringBootTest(classes = DubanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkbenchDeliveryIT {
    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        TestData.embeddedDatabase(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private String bundle() throws Exception {
        HttpResponse<byte[]> page = get("/app/", false);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher script = Pattern.compile("assets/index-[\\w-]+\\.js").matcher(new String(page.body(), StandardCharsets.UTF_8));
        assertThat(script.find()).as("the page names its script").isTrue();
        return "/app/" + script.group();
    }

    @Test
    void thePageIsAskedForEachTimeAndTheScriptItNamesIsKeptByTheBrowser() throws Exception {
        // The page names the release's script by its content's hash, so the page itself is never kept.
        assertThat(get("/app/", false).headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<byte[]> script = get(bundle(), false);

        assertThat(script.statusCode()).isEqualTo(200);
        String cacheControl = script.headers().firstValue("Cache-Control").orElse("");
        assertThat(cacheControl).contains("max-age=31536000").contains("immutable").contains("private").doesNotContain("no-store");
        assertThat(script.headers().firstValue("Pragma")).isEmpty();
    }

    @Test
    void theScriptTravelsCompressedToABrowserThatAcceptsItAndWholeToOneThatDoesNot() throws Exception {
        String path = bundle();
        HttpResponse<byte[]> plain = get(path, false);
        HttpResponse<byte[]> compressed = get(path, true);

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(compressed.body())).isEqualTo(plain.body());
        assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
    }

    /**
     * The page's script holds the overview, every role's first screen; every other screen's script
     * is named in it and fetched when the screen is first opened, kept as the first one is. Until
     * stop 62 one script of 1.7 MB (about 547 KB compressed) held every screen and every chart.
     */
    @Test
    void theFirstScriptHoldsTheOverviewAndEachOtherScreenComesWhenOpened() throws Exception {
        String first = bundle();
        byte[] script = get(first, false).body();
        String text = new String(script, StandardCharsets.UTF_8);

        assertThat(text).contains("考核总览").doesNotContain("抽取样本");
        assertThat(script.length).as("the first script's bytes").isLessThan(512 * 1024);
        Matcher sampling = Pattern.compile("Sampling-[\\w-]+\\.js").matcher(text);
        assertThat(sampling.find()).as("the first script names the sampling screen's").isTrue();
        HttpResponse<byte[]> screen = get("/app/assets/" + sampling.group(), false);
        assertThat(screen.statusCode()).isEqualTo(200);
        assertThat(new String(screen.body(), StandardCharsets.UTF_8)).contains("抽取样本");
        assertThat(screen.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").contains("immutable");
    }

    /**
     * The page's sheets hold the styles of what the overview and the menu show; a component only
     * another screen shows (历史回放's slider) comes in a sheet of its own, named in the first script
     * and fetched with that screen. Until stop 69 one sheet of 337 KB (46 KB compressed) held every
     * Element Plus component's styles.
     */
    @Test
    void theFirstSheetsHoldWhatTheOverviewShowsAndAnotherScreensStylesComeWithIt() throws Exception {
        String page = new String(get("/app/", false).body(), StandardCharsets.UTF_8);
        Matcher linked = Pattern.compile("assets/[\\w-]+\\.css").matcher(page);
        long firstBytes = 0;
        java.util.Set<String> firstSheets = new java.util.HashSet<>();
        while (linked.find()) {
            byte[] bytes = get("/app/" + linked.group(), false).body();
            String sheet = new String(bytes, StandardCharsets.UTF_8);
            firstSheets.add(linked.group());
            firstBytes += bytes.length;
            assertThat(sheet).as(linked.group()).contains(".el-menu").contains(".el-card").doesNotContain(".el-slider");
        }
        assertThat(firstSheets).as("the page names its sheet").isNotEmpty();
        assertThat(firstBytes).as("the first sheets' bytes").isLessThan(160 * 1024);

        Matcher named = Pattern.compile("assets/[\\w-]+\\.css").matcher(new String(get(bundle(), false).body(), StandardCharsets.UTF_8));
        String slider = null;
        while (named.find() && slider == null) {
            HttpResponse<byte[]> sheet = get("/app/" + named.group(), false);
            if (sheet.statusCode() == 200 && new String(sheet.body(), StandardCharsets.UTF_8).contains(".el-slider")) {
                slider = named.group();
            }
        }
        assertThat(slider).as("a sheet named in the first script holds the slider's styles").isNotNull();
        assertThat(firstSheets).doesNotContain(slider);
    }

    @Test
    void jsonAnswersTravelCompressedToo() throws Exception {
        HttpResponse<byte[]> plain = get("/v3/api-docs", false);
        HttpResponse<byte[]> compressed = get("/v3/api-docs", true);

        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new String(gunzip(compressed.body()), StandardCharsets.UTF_8)).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
    }

    /** Both pages name the tab's icon, which anyone may fetch, before signing in too (it was a 404 for /favicon.ico). */
    @Test
    void aPageAddressNothingServesOpensTheWorkbenchAndAnApiAddressStaysA404() throws Exception {
        for (String path : new String[]{"/score", "/app/score", "/workbench/reports"}) {
            HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).as(path).endsWith("/app/");
        }
        assertThat(get("/score", false).statusCode()).as("not asking for a page").isEqualTo(404);
        assertThat(get("/api/nothing-here", false).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app/assets/missing.js"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestData.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).as("a missing file is no page").isEqualTo(404);
    }

    @Test
    void bothPagesNameAnIconAnyoneMayFetch() throws Exception {
        for (String page : new String[] {"/login.html", "/app/"}) {
            assertThat(new String(get(page, false).body(), StandardCharsets.UTF_8)).as(page)
                    .contains("<link rel=\"icon\" href=\"/assets/icon.svg\"");
        }
        HttpResponse<String> icon = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assets/icon.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(icon.body()).contains("<svg", "督");
    }

    /**
     * A screen's script and style are fetched without a session too (one that lapsed, a screen not opened
     * before): refused with a Basic challenge, the browser put up its own password dialog. The page and
     * every read stay the signed-in's.
     */
    @Test
    void theWorkbenchsScriptsAndStylesNeedNoSessionButItsPageAndReadsDo() throws Exception {
        String page = new String(get("/app/", false).body(), StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("assets/index-[\\w-]+\\.js").matcher(page);
        Matcher style = Pattern.compile("assets/index-[\\w-]+\\.css").matcher(page);
        assertThat(script.find()).isTrue();
        assertThat(style.find()).isTrue();
        for (String asset : new String[]{script.group(), style.group()}) {
            HttpResponse<byte[]> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app/" + asset)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(anonymous.statusCode()).as(asset).isEqualTo(200);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(asset).isEmpty();
        }
        HttpResponse<byte[]> pageSignedOut = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pageSignedOut.statusCode()).isEqualTo(302);
        assertThat(pageSignedOut.headers().firstValue("Location").orElse("")).endsWith("/login.html");
        HttpResponse<byte[]> read = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/units")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(401);
    }
}
