package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mosaic.profile.MosaicApiClient;
import dev.mosaic.profile.MosaicApplication;

/**
 * The CX dashboard as a marketer uses it on a tablet, in a real headless Chromium against the whole application on
 * real Neo4j and Elasticsearch. The data is of 2011 in a store of this run, so other tests' data never shows.
 *
 * <pre>
 * NPS answers  when        channel  answer        ticket   opened      first response  resolution  CSAT  CES
 * Ida          2011-01-10  email    10            Ida      2011-01-12  30 min          90 min      5     4
 * Jan          2011-01-11  email     9
 * Kai          2011-01-20  email     3 (latest)
 * Lea          2011-02-05  sms       6 (latest)
 * </pre>
 * January: NPS (2 - 1) / 3 = +33.3; February: -100.0; March: no data. The whole time: (2 - 2) / 4 = 0.0.
 */
@EnabledIf(value = "dev.mosaic.profile.browser.HeadlessChromium#usable",
        disabledReason = "no chromium and chromedriver here; scripts/install-browser.sh installs them")
@SpringBootTest(classes = MosaicApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CxDashboardBrowserIT {

    private static final String KEY = "it-dashboard-browser-key";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String S = UUID.randomUUID().toString().substring(0, 8);
    private static final String STORE = "CXW-" + S;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        dev.mosaic.profile.TestStores.register(registry, dataDir, KEY);
    }

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static final String PASSWORD = "dashboard-tablet-2026";

    @Test
    void aMarketerSeesTheScoresPerMonthTheChartsAndTheDetractorsAndFiltersByChannel() throws Exception {
        String marketer = importTheAnswersAndCreateAMarketer();
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/dashboard.html", marketer, PASSWORD);

        setDate("from", "2011-01-01");
        setDate("to", "2011-03-31");
        new Select(browser.findElement(By.id("interval"))).selectByValue("month");
        browser.findElement(By.id("store")).sendKeys(STORE);
        browser.findElement(By.id("show")).click();

        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("summary")));
        assertThat(text("summary-title")).isEqualTo("From 2011-01-01 to 2011-03-31");
        assertThat(text("total-nps")).isEqualTo("0.0");
        assertThat(text("total-nps-detail")).isEqualTo("Answers: 4 (promoters 2, passives 0, detractors 2)");
        assertThat(text("total-csat")).isEqualTo("100.0 %");
        assertThat(text("total-first-response")).isEqualTo("30.0 min");
        assertThat(text("total-resolution")).isEqualTo("90.0 min");
        assertThat(text("total-fcr")).isEqualTo("100.0 %");
        assertThat(text("total-tickets")).isEqualTo("1");

        List<List<String>> periods = rows("#periods tr");
        assertThat(periods).extracting(row -> row.get(0)).containsExactly("2011-01", "2011-02", "2011-03");
        assertThat(periods.get(0)).containsExactly("2011-01", "+33.3", "3", "100.0 %", "100.0 %", "100.0 %",
                "30.0 / 30.0", "90.0 / 90.0", "1");
        assertThat(periods.get(1)).startsWith("2011-02", "-100.0", "1", "–");
        assertThat(periods.get(2)).startsWith("2011-03", "–", "0");
        assertThat(browser.findElements(By.cssSelector("#chart-nps circle.dot"))).as("no dot for March").hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#chart-times rect.bar"))).hasSize(2);
        assertThat(browser.findElement(By.id("chart-nps")).getDomAttribute("role")).isEqualTo("img");

        assertThat(rows("#by-channel tr")).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .containsExactly("Email 4 +33.3", "SMS 1 -100.0");
        assertThat(text("detractors-summary"))
                .isEqualTo("1 to 2 of 2 people whose latest NPS answer is 0 to 6, newest first");
        assertThat(rows("#detractors tr")).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(2))
                .containsExactly("Lea Lang 6 Feb 5, 2011", "Kai Kurz 3 Jan 20, 2011");
        assertThat(browser.getPageSource()).doesNotContain("@example.de");
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        assertNothingIsWiderThanTheScreen();
        HeadlessChromium.screenshot(browser, "cx-dashboard-768x1024");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        assertNothingIsWiderThanTheScreen();
        HeadlessChromium.screenshot(browser, "cx-dashboard-1024x768");
        scrollIntoView("charts");
        HeadlessChromium.screenshot(browser, "cx-dashboard-charts-1024x768");
        HeadlessChromium.resize(browser, HeadlessChromium.PORTRAIT);
        scrollIntoView("breakdowns");
        HeadlessChromium.screenshot(browser, "cx-dashboard-detractors-768x1024");

        new Select(browser.findElement(By.id("channel"))).selectByValue("sms");
        browser.findElement(By.id("show")).click();
        wait.until(ExpectedConditions.textToBe(By.id("total-nps"), "-100.0"));
        assertThat(rows("#detractors tr")).extracting(row -> row.get(0)).containsExactly("Lea Lang");
        assertThat(text("message")).isEmpty();

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        assertThat(text("detractors-title")).isEqualTo("Detraktoren zum Nachfassen");
        assertThat(text("total-nps-detail")).isEqualTo("Antworten: 1 (Promotoren 0, Passive 0, Detraktoren 1)");
        assertThat(text("total-nps")).isEqualTo("-100,0");
    }

    @Test
    void tellsAPersonWhoseRolesDoNotIncludeTheDashboardInPlainWords() throws Exception {
        String staff = "counter." + UUID.randomUUID().toString().substring(0, 8);
        MosaicApiClient api = new MosaicApiClient(port, KEY);
        assertThat(api.send(api.withKey(api.post("/api/v1/admin/users", "{\"userName\":\"" + staff
                + "\",\"displayName\":\"Counter\",\"roles\":[\"STAFF\"],\"password\":\"" + PASSWORD + "\"}",
                "application/json"))).statusCode()).isEqualTo(201);
        browser = HeadlessChromium.start(HeadlessChromium.LANDSCAPE);

        LoginPage.openSignedIn(browser, port, "/dashboard.html", staff, PASSWORD);

        assertThat(text("page-denied")).contains("Your roles do not include this page");
        assertThat(browser.findElements(By.cssSelector("nav a[href='/dashboard.html']"))).isEmpty();
    }

    /** Imports the answers, waits until the dashboard counts them, and returns a MARKETER person's user name. */
    private String importTheAnswersAndCreateAMarketer() throws Exception {
        MosaicApiClient api = new MosaicApiClient(port, KEY);
        importFile(api, "customers", """
                source,record_id,first_name,last_name,email
                crm,%1$s-1,Ida,Iske,ida.%1$s@example.de
                crm,%1$s-2,Jan,Jung,jan.%1$s@example.de
                crm,%1$s-3,Kai,Kurz,kai.%1$s@example.de
                crm,%1$s-4,Lea,Lang,lea.%1$s@example.de
                """.formatted(S));
        importFile(api, "campaign_responses", """
                source,record_id,campaign_id,channel,occurred_at,event,email,nps,store_id
                survey,%1$s-n1,NPS-%1$s,email,2011-01-10T10:00:00Z,surveyed,ida.%1$s@example.de,10,%2$s
                survey,%1$s-n2,NPS-%1$s,email,2011-01-11T10:00:00Z,surveyed,jan.%1$s@example.de,9,%2$s
                survey,%1$s-n3,NPS-%1$s,email,2011-01-20T10:00:00Z,surveyed,kai.%1$s@example.de,3,%2$s
                survey,%1$s-n4,NPS-%1$s,sms,2011-02-05T10:00:00Z,surveyed,lea.%1$s@example.de,6,%2$s
                """.formatted(S, STORE));
        importFile(api, "tickets", """
                source,record_id,opened_at,first_response_at,resolved_at,channel,contacts,status,email,csat,ces,store_id
                helpdesk,%1$s-t1,2011-01-12T09:00:00Z,2011-01-12T09:30:00Z,2011-01-12T10:30:00Z,email,1,resolved,ida.%1$s@example.de,5,4,%2$s
                """.formatted(S, STORE));
        HttpResponse<String> created = api.send(api.withKey(api.post("/api/v1/admin/keys",
                "{\"name\": \"dashboard-" + S + "\", \"roles\": [\"MARKETER\"]}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        String key = api.json(created).get("secret").asText();
        MosaicApiClient marketer = new MosaicApiClient(port, key);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String path = "/api/v1/cx/dashboard?from=2011-01-01&to=2011-03-31&store=" + STORE;
        while (marketer.json(marketer.send(marketer.get(path))).at("/total/nps/answers").asLong() != 4) {
            assertThat(System.nanoTime()).as("the answers are counted within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(200);
        }
        String userName = "marketer." + S;
        assertThat(api.send(api.withKey(api.post("/api/v1/admin/users", "{\"userName\":\"" + userName
                + "\",\"displayName\":\"Mara Marketing\",\"roles\":[\"MARKETER\"],\"password\":\"" + PASSWORD
                + "\"}", "application/json"))).statusCode()).isEqualTo(201);
        return userName;
    }

    private static void importFile(MosaicApiClient api, String type, String csv) throws Exception {
        HttpResponse<String> accepted = api.send(api.withKey(api.post("/api/v1/imports?type=" + type, csv, "text/csv")));
        assertThat(accepted.statusCode()).as(type).isEqualTo(202);
        JsonNode status = api.awaitImport(api.json(accepted).get("importId").asText());
        assertThat(status.get("status").asText()).as(type).isEqualTo("COMPLETED");
    }

    /** As a date picker does: Chromium's own picker is not part of the page, so the value is set like it sets it. */
    private void setDate(String id, String isoDate) {
        browser.executeScript("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + "input.dispatchEvent(new Event('change', {bubbles: true}));", id, isoDate);
    }

    private List<List<String>> rows(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }


    /** Wide tables scroll inside their box; the page itself never scrolls sideways. */
    private void assertNothingIsWiderThanTheScreen() {
        long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long screenWidth = (Long) browser.executeScript("return window.innerWidth");
        assertThat(pageWidth).as("page width at a screen of %s px", screenWidth).isLessThanOrEqualTo(screenWidth);
    }

    private void scrollIntoView(String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
