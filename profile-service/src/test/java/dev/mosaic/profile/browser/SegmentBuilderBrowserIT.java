package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.profile.MosaicApiClient;
import dev.mosaic.profile.MosaicApplication;
import dev.mosaic.profile.TestStores;

/**
 * A marketer builds a segment in the segment builder (real headless Chromium, the whole application on real Neo4j
 * and Elasticsearch), watches the count and the charts, saves and exports it; opens a saved one, changes and deletes
 * it. Six people of one city, imported through the API; every value carries this run's suffix:
 *
 * <pre>
 * person         email consent  bought in   NPS  CSAT
 * Anna Schmidt   yes            BER 100     9    5
 * Jürgen Müller  no             BER 300     3    2
 * Eve =HYPERLINK yes            BER 20      -    -
 * Ben Okafor     never said     BER 20      -    -
 * Hanna Brandt   yes            HAM 50      7    -
 * Lena Hoffmann  yes            -           -    -
 * </pre>
 * (Names differ from SearchAndSegmentsIT's people: the test graph is shared, and a namesake with a rare full name is
 * matched as the same person.) The purchases are of the last two months, so each buyer's CLV is what they spent.
 */
@EnabledIf(value = "dev.mosaic.profile.browser.HeadlessChromium#usable",
        disabledReason = "no chromium and chromedriver here; scripts/install-browser.sh installs them")
@SpringBootTest(classes = MosaicApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentBuilderBrowserIT {

    private static final String KEY = "it-segment-builder-key";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String S = UUID.randomUUID().toString().substring(0, 8);
    private static final String CITY = "Flensburg-" + S;
    private static final Path dataDir = temporaryDirectory("mosaic-segment-builder-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
    }

    @LocalServerPort
    int port;

    private MosaicApiClient api;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String anna;
    private String eve;
    private List<String> buyers;

    @BeforeAll
    void importSixPeopleOfOneCity() throws Exception {
        api = new MosaicApiClient(port, KEY);
        importFile("customers", """
                source,record_id,first_name,last_name,email,city,country,consent_email
                crm,%1$s-1,Anna,Schmidt,anna.%1$s@example.de,%2$s,DE,true
                crm,%1$s-2,Jürgen,Müller,juergen.%1$s@example.de,%2$s,DE,false
                crm,%1$s-3,Eve,"=HYPERLINK(""http://x.example"",""click"")",eve.%1$s@example.de,%2$s,DE,true
                crm,%1$s-4,Ben,Okafor,ben.%1$s@example.de,%2$s,DE,
                crm,%1$s-5,Hanna,Brandt,hanna.%1$s@example.de,%2$s,DE,true
                crm,%1$s-6,Lena,Hoffmann,lena.%1$s@example.de,%2$s,DE,true
                """.formatted(S, CITY));
        importFile("purchases", """
                source,record_id,order_id,occurred_at,channel,store_id,email,category,quantity,unit_price,currency,returned
                pos,%1$s-a1,%1$s-A1,%2$s,store,BER-%1$s,anna.%1$s@example.de,printers,1,100.00,EUR,false
                pos,%1$s-j1,%1$s-J1,%3$s,store,BER-%1$s,juergen.%1$s@example.de,phones,1,300.00,EUR,false
                pos,%1$s-e1,%1$s-E1,%4$s,store,BER-%1$s,eve.%1$s@example.de,ink,1,20.00,EUR,false
                pos,%1$s-b1,%1$s-B1,%5$s,store,BER-%1$s,ben.%1$s@example.de,ink,2,10.00,EUR,false
                pos,%1$s-h1,%1$s-H1,%6$s,store,HAM-%1$s,hanna.%1$s@example.de,ink,1,50.00,EUR,false
                """.formatted(S, daysAgo(40), daysAgo(60), daysAgo(30), daysAgo(20), daysAgo(10)));
        importFile("tickets", """
                source,record_id,opened_at,first_response_at,resolved_at,channel,contacts,status,email,subject,csat,ces
                helpdesk,%1$s-t1,2024-11-01T09:00:00Z,2024-11-01T10:00:00Z,2024-11-01T12:00:00Z,email,1,resolved,anna.%1$s@example.de,Toner,5,5
                helpdesk,%1$s-t2,2025-01-10T09:00:00Z,2025-01-10T11:00:00Z,2025-01-12T09:00:00Z,phone,2,closed,juergen.%1$s@example.de,Broken,2,1
                """.formatted(S));
        importFile("campaign_responses", """
                source,record_id,campaign_id,channel,occurred_at,event,email,nps
                survey,%1$s-n1,NPS-%1$s,email,2025-01-10T10:00:00Z,surveyed,anna.%1$s@example.de,9
                survey,%1$s-n2,NPS-%1$s,email,2025-02-15T10:00:00Z,surveyed,juergen.%1$s@example.de,3
                survey,%1$s-n3,NPS-%1$s,email,2024-11-01T10:00:00Z,surveyed,hanna.%1$s@example.de,7
                """.formatted(S));
        anna = profileIdOf("anna");
        eve = profileIdOf("eve");
        buyers = List.of(anna, profileIdOf("juergen"), eve, profileIdOf("ben"));
        // Everything has reached the index: NPS, CSAT and purchases of the buyers.
        awaitStats(buyersCondition(), "members", 4, "/nps/answered", 2, "/csat/answers", 2, "/clv/profiles", 4);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aMarketerBuildsASegmentFromListsSeesItsCountAndChartsSavesItAndExportsOnlyConsentedMembers() throws Exception {
        Path downloads = Files.createDirectories(dataDir.resolve("downloads-" + UUID.randomUUID()));
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        wait = new WebDriverWait(browser, PATIENCE);
        connect();

        choose(0, "city", "eq");
        value(0).sendKeys(CITY);
        awaitCount(6);
        rootGroup().findElement(By.cssSelector(":scope > .segments-group-actions [data-role=add-row]")).click();
        choose(1, "purchases.orders", "gte");
        value(1).sendKeys("1");
        awaitCount(5);
        rootGroup().findElement(By.cssSelector(":scope > .segments-group-actions [data-role=add-group]")).click();
        new Select(browser.findElement(By.cssSelector("#conditions fieldset fieldset [data-role=mode]")))
                .selectByValue("none");
        choose(2, "purchases.store", "eq");
        value(2).sendKeys("HAM-" + S);
        awaitCount(4);
        assertThat(text("count")).isEqualTo("4 customers match");

        wait.until(ExpectedConditions.textToBe(By.id("nps-caption"),
                "NPS 0 from 2 answers: promoters 1, passives 0, detractors 1."));
        assertThat(browser.findElements(By.cssSelector("#nps-chart rect"))).as("one bar per answer 0-10").hasSize(11);
        assertThat(browser.findElement(By.id("nps-chart")).getDomAttribute("aria-label"))
                .contains("0: 0, 1: 0, 2: 0, 3: 1, 4: 0", "9: 1, 10: 0");
        assertThat(text("csat-caption")).isEqualTo("50 % satisfied: 1 of 2 ratings were 4 or 5 (customers who rated: 2).");
        assertThat(browser.findElement(By.id("csat-chart")).getDomAttribute("aria-label")).isEqualTo(text("csat-caption"));
        // CLV = revenue of the last 12 months (all purchases are recent): 100, 300, 20, 20
        assertThat(text("clv-caption")).startsWith("Customers with a CLV: 4. Median").endsWith("lowest 20, highest 300.");
        assertThat(browser.findElement(By.id("export-csv")).isEnabled()).as("not saved yet").isFalse();

        browser.findElement(By.id("segment-name")).sendKeys("Flensburg buyers " + S);
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "The segment “Flensburg buyers " + S + "” is saved."));
        String id = savedRow("Flensburg buyers " + S).getDomAttribute("data-segment");
        JsonNode saved = api.json(api.send(api.get("/api/v1/segments/" + id)));
        assertThat(saved.at("/condition/all/2/not/any/0/eq").asText()).isEqualTo("HAM-" + S);
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        scrollTo("builder-title");
        HeadlessChromium.screenshot(browser, "segment-builder-768x1024");

        new Select(browser.findElement(By.id("consent"))).selectByValue("email");
        browser.findElement(By.id("export-csv")).click();
        Path csv = awaitDownload(downloads, id + "-email.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("profileId,displayName,firstName,lastName,city,country,npsCategory,clv,email");
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.substring(0, line.indexOf(','))))
                .as("Anna and Eve agreed to email; Jürgen refused, Ben never said, Hanna bought in HAM, Lena bought nothing")
                .containsExactlyInAnyOrder(anna, eve);
        assertThat(String.join("\n", lines)).contains("anna." + S + "@example.de", "eve." + S + "@example.de")
                .doesNotContain("juergen." + S, "ben." + S, "hanna." + S, "lena." + S);
        String eveLine = lines.stream().filter(line -> line.startsWith(eve + ",")).findFirst().orElseThrow();
        assertThat(eveLine).contains(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",");
        assertThat(lines).allSatisfy(line -> assertThat(cells(line))
                .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0));
        assertThat(text("message")).isEqualTo("Downloaded " + id + "-email.csv.");

        new Select(browser.findElement(By.id("consent"))).selectByValue("none");
        browser.findElement(By.id("export-jsonl")).click();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(awaitDownload(downloads, id + "-none.jsonl"), StandardCharsets.UTF_8)) {
            rows.add(new ObjectMapper().readTree(line));
        }
        assertThat(rows.stream().map(row -> row.get("profileId").asText())).containsExactlyInAnyOrderElementsOf(buyers);
        assertThat(rows).allSatisfy(row -> assertThat(row.has("email") || row.has("phone")).isFalse());

        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        scrollTo("stats-section");
        HeadlessChromium.screenshot(browser, "segment-charts-1024x768");
    }

    @Test
    void aMarketerOpensASavedSegmentChangesItAndDeletesItFromTheList() throws Exception {
        HttpResponse<String> created = api.send(api.withKey(api.post("/api/v1/segments",
                "{\"name\": \"Old name " + S + "\", \"condition\": {\"all\": [{\"field\": \"city\", \"eq\": \"" + CITY
                        + "\"}]}}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = api.json(created).get("id").asText();
        browser = HeadlessChromium.start(HeadlessChromium.LANDSCAPE);
        wait = new WebDriverWait(browser, PATIENCE);
        connect();

        savedRow("Old name " + S).findElement(By.cssSelector("[data-role=open]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("builder-title"), "Change “Old name " + S + "”"));
        assertThat(browser.findElement(By.id("segment-name")).getDomProperty("value")).isEqualTo("Old name " + S);
        assertThat(new Select(row(0).findElement(By.cssSelector("[data-role=field]"))).getFirstSelectedOption()
                .getDomAttribute("value")).isEqualTo("city");
        awaitCount(6);
        assertThat(browser.findElement(By.id("export-csv")).isEnabled()).as("opened as saved").isTrue();

        WebElement name = browser.findElement(By.id("segment-name"));
        name.clear();
        name.sendKeys("Agreed to email " + S);
        rootGroup().findElement(By.cssSelector(":scope > .segments-group-actions [data-role=add-row]")).click();
        choose(1, "consent.email", "eq");
        assertThat(new Select(value(1)).getFirstSelectedOption().getText()).isEqualTo("yes");
        awaitCount(4);
        assertThat(browser.findElement(By.id("export-csv")).isEnabled()).as("changed, not saved").isFalse();
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "The segment “Agreed to email " + S + "” is saved."));

        JsonNode changed = api.json(api.send(api.get("/api/v1/segments/" + id)));
        assertThat(changed.get("name").asText()).isEqualTo("Agreed to email " + S);
        assertThat(changed.at("/condition/all/1").toString()).isEqualTo("{\"field\":\"consent.email\",\"eq\":true}");
        assertThat(browser.findElements(By.cssSelector("#saved tr[data-segment='" + id + "']"))).hasSize(1);
        assertThat(text("saved")).contains("Agreed to email " + S).doesNotContain("Old name " + S);
        assertThat(browser.findElement(By.id("export-csv")).isEnabled()).isTrue();

        savedRow("Agreed to email " + S).findElement(By.cssSelector("[data-role=delete]")).click();
        wait.until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains("Delete the segment “Agreed to email " + S + "”?");
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "The segment “Agreed to email " + S + "” is deleted."));
        assertThat(browser.findElements(By.cssSelector("#saved tr[data-segment='" + id + "']"))).isEmpty();
        assertThat(text("builder-title")).as("the deleted segment is no longer open").isEqualTo("New segment");
        assertThat(api.send(api.get("/api/v1/segments/" + id)).statusCode()).isEqualTo(404);
    }

    // --- the page -------------------------------------------------------------------------------------------------

    private void connect() {
        LoginPage.openSignedIn(browser, port, "/segments.html", "admin", KEY);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#conditions .segments-row")));
    }

    private WebElement rootGroup() {
        return browser.findElement(By.cssSelector("#conditions > fieldset"));
    }

    /** The n-th condition on the page, nested ones included, in reading order; found anew as the builder redraws. */
    private WebElement row(int index) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#conditions .segments-row"));
        assertThat(rows.size()).as("conditions on the page").isGreaterThan(index);
        return rows.get(index);
    }

    private void choose(int index, String field, String operator) {
        new Select(row(index).findElement(By.cssSelector("[data-role=field]"))).selectByValue(field);
        new Select(row(index).findElement(By.cssSelector("[data-role=op]"))).selectByValue(operator);
    }

    private WebElement value(int index) {
        return row(index).findElement(By.cssSelector("[data-role=value]"));
    }

    private void awaitCount(long expected) {
        wait.until(ExpectedConditions.attributeToBe(By.id("count"), "data-count", String.valueOf(expected)));
    }

    private WebElement savedRow(String name) {
        return wait.until(driver -> driver.findElements(By.cssSelector("#saved tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("th")).getText().equals(name)).findFirst().orElse(null));
    }

    private Path awaitDownload(Path folder, String file) {
        Path target = folder.resolve(file);
        return wait.until(driver -> Files.isRegularFile(target) && !Files.exists(folder.resolve(file + ".crdownload"))
                ? target : null);
    }


    private void scrollTo(String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The cells of one CSV line (RFC 4180: quoted cells may hold commas and doubled quotes). */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // --- the data -------------------------------------------------------------------------------------------------

    private String buyersCondition() {
        return "{\"all\": [{\"field\": \"city\", \"eq\": \"" + CITY + "\"}, {\"field\": \"purchases.orders\", \"gte\": 1}, "
                + "{\"not\": {\"any\": [{\"field\": \"purchases.store\", \"eq\": \"HAM-" + S + "\"}]}}]}";
    }

    private void importFile(String type, String csv) throws Exception {
        HttpResponse<String> accepted = api.send(api.withKey(api.post("/api/v1/imports?type=" + type, csv, "text/csv")));
        assertThat(accepted.statusCode()).as(type).isEqualTo(202);
        JsonNode status = api.awaitImport(api.json(accepted).get("importId").asText());
        assertThat(status.get("status").asText()).as(type).isEqualTo("COMPLETED");
        assertThat(status.at("/counts/quarantined").asInt()).as(type + ": " + status).isZero();
    }

    private String profileIdOf(String person) throws Exception {
        HttpResponse<String> found = api.lookupEventually("/api/v1/profiles/lookup?type=email&value="
                + URLEncoder.encode(person + "." + S + "@example.de", StandardCharsets.UTF_8));
        assertThat(found.statusCode()).as(person).isEqualTo(200);
        return api.json(found).get("profileId").asText();
    }

    /** Polls the statistics of a condition until each JSON pointer holds its number (the index refreshes each second). */
    private void awaitStats(String condition, Object... pointersAndValues) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode stats = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = api.send(api.withKey(api.post("/api/v1/segments/preview/stats",
                    "{\"condition\": " + condition + "}", "application/json")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            stats = api.json(response);
            boolean all = true;
            for (int i = 0; i < pointersAndValues.length; i += 2) {
                String pointer = (String) pointersAndValues[i];
                JsonNode value = stats.at(pointer.startsWith("/") ? pointer : "/" + pointer);
                all &= value.asLong() == ((Number) pointersAndValues[i + 1]).longValue();
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("statistics did not reach " + List.of(pointersAndValues) + ": " + stats);
    }

    private static String daysAgo(int days) {
        return Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
