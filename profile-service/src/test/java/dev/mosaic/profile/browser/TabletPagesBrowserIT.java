package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mosaic.profile.MosaicApiClient;
import dev.mosaic.profile.MosaicApplication;

/**
 * The pages as staff and stewards use them on a tablet, in a real headless Chromium against the whole application on
 * real Neo4j and Elasticsearch, signed in on the login page (as the bootstrap admin, who may use every page). Screenshots at 768x1024 and 1024x768 go to target/screenshots.
 */
@EnabledIf(value = "dev.mosaic.profile.browser.HeadlessChromium#usable",
        disabledReason = "no chromium and chromedriver here; scripts/install-browser.sh installs them")
@SpringBootTest(classes = MosaicApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TabletPagesBrowserIT {

    private static final String KEY = "it-browser-key";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        dev.mosaic.profile.TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.offers.statistics-max-age", () -> "0s");
        registry.add("mosaic.offers.min-confidence", () -> "0");
        registry.add("mosaic.offers.min-lift", () -> "0");
    }

    private static final String STAFF_PASSWORD = "counter-tablet-2026";

    @LocalServerPort
    int port;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void importsAFileWithABadRowAndShowsTheProgressAndTheQuarantinedRowWithItsReason() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Path file = dataDir.resolve("crm-export.csv");
        Files.writeString(file, """
                source,record_id,first_name,last_name,email,city
                crm,%1$s-1,Lena,Hoffmann,lena.%1$s@example.de,Hamburg
                crm,%1$s-2,Tom,Becker,tom.%1$s@example.de,Bremen
                crm,,Mia,Wolf,mia.%1$s@example.de,Kiel
                crm,%1$s-4,Emil,Schulz,emil.%1$s@example.de,Leipzig
                """.formatted(suffix), StandardCharsets.UTF_8);
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/imports.html", "admin", KEY);

        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        new Select(browser.findElement(By.id("type"))).selectByValue("customers");
        browser.findElement(By.id("start")).click();

        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quarantine")));
        assertThat(text("progress-text")).isEqualTo("Finished: 4 of 4 rows (100 %)");
        assertThat(text("progress-rate")).as("the run's rows per second, and no time left").matches("[\\d,]+ rows/s");
        assertThat(browser.findElement(By.id("progress")).getDomProperty("value")).isEqualTo("1");
        assertThat(text("count-read")).isEqualTo("4");
        assertThat(text("count-imported")).isEqualTo("3");
        assertThat(text("count-quarantined")).isEqualTo("1");
        List<WebElement> quarantined = browser.findElements(By.cssSelector("#quarantine-rows tr"));
        assertThat(quarantined).hasSize(1);
        assertThat(quarantined.getFirst().findElement(By.cssSelector("th")).getText()).isEqualTo("4");
        assertThat(quarantined.getFirst().findElements(By.cssSelector("td")).getFirst().getText()).contains("record_id");
        assertThat(quarantined.getFirst().findElement(By.cssSelector("td.raw")).getText()).contains("Mia,Wolf");
        assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "import-with-bad-row-768x1024");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        scrollIntoView("quarantine");
        HeadlessChromium.screenshot(browser, "import-with-bad-row-1024x768");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");

        assertThat(text("quarantine-title")).isEqualTo("Zeilen in Quarantäne");
        assertThat(text("progress-text")).isEqualTo("Fertig: 4 von 4 Zeilen (100 %)");
        assertThat(text("progress-rate")).matches("[\\d.]+ Zeilen/s");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        HeadlessChromium.resize(browser, HeadlessChromium.PORTRAIT);
        HeadlessChromium.screenshot(browser, "import-with-bad-row-de-768x1024");
    }

    /** A larger file: while it imports the page shows rows per second and the time left, then 100 bad rows at a time. */
    @Test
    void showsTheRateAndTimeLeftWhileImportingAndListsAManyRowQuarantineAPageAtATime() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("source,record_id,first_name,last_name,email\n");
        for (int i = 0; i < 3000; i++) {
            String recordId = i % 25 == 0 ? "" : suffix + "-" + i;
            csv.append("crm,").append(recordId).append(",Rita,Rate").append(i).append(",rita.").append(suffix).append('.')
                    .append(i).append("@example.de\n");
        }
        Path file = dataDir.resolve("large-export.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/imports.html", "admin", KEY);
        // Every text the rate line shows, as it changes: the import may pass through its middle quickly.
        browser.executeScript("window.rateTexts = [];"
                + "new MutationObserver(() => window.rateTexts.push(document.getElementById('progress-rate').textContent))"
                + ".observe(document.getElementById('progress-rate'), {childList: true, characterData: true, subtree: true});");

        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("start")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "Finished"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quarantine-more")));

        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) browser.executeScript("return window.rateTexts;");
        assertThat(shown).as("while importing").anyMatch(rate -> rate.matches("[\\d,]+ rows/s · about \\d+( min \\d{2})? s left"));
        assertThat(text("count-quarantined")).isEqualTo("120");
        assertThat(text("quarantine-summary")).contains("120 row(s) could not become records").contains("The first 100 are listed.");
        assertThat(browser.findElements(By.cssSelector("#quarantine-rows tr"))).hasSize(100);
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);

        browser.findElement(By.id("quarantine-more")).click();

        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#quarantine-rows tr"), 120));
        assertThat(browser.findElement(By.id("quarantine-more")).isDisplayed()).isFalse();
        assertThat(text("quarantine-summary")).doesNotContain("The first");
        List<WebElement> rows = browser.findElements(By.cssSelector("#quarantine-rows tr"));
        assertThat(rows.getLast().findElement(By.cssSelector("th")).getText()).isEqualTo("2,977");
    }

    @Test
    void refusesAWhollyWrongFileInPlainWords() throws Exception {
        Path file = dataDir.resolve("not-a-customer-file.csv");
        Files.writeString(file, "name;mail\nAnna;a@b.de\n", StandardCharsets.UTF_8);
        browser = HeadlessChromium.start(HeadlessChromium.LANDSCAPE);
        LoginPage.openSignedIn(browser, port, "/imports.html", "admin", KEY);

        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("start")).click();

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                "The file was not imported"));
        assertThat(text("message")).contains("required column(s) missing").contains("record_id");
        assertThat(browser.findElement(By.id("import")).isDisplayed()).isFalse();
    }

    @Test
    void findsADemoCustomerByEmailOnTheLookupPage() throws Exception {
        importDemoCustomersAndWaitUntilAnnaIsFound();
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/", "admin", KEY);

        browser.findElement(By.id("q")).sendKeys(" Anna.Schmidt@Example.de");
        WebElement anna = resultRow("Anna Schmidt");
        assertThat(anna.getText()).contains("Berlin");
        assertThat(browser.getCurrentUrl()).as("nothing typed reaches the page's URL").isEqualTo(url("/"));
        anna.click();

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        assertThat(text("card-name")).isEqualTo("Anna Schmidt");
        assertThat(text("card-loyalty")).contains("L-700100");
        assertThat(text("card-contact")).as("an admin key sees the full profile").contains("anna.schmidt@example.de");
        assertThat(text("card-consent")).contains("Email").contains("yes, opted in");
        assertThat(browser.findElement(By.id("results")).isDisplayed()).isFalse();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "lookup-768x1024");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        HeadlessChromium.screenshot(browser, "lookup-1024x768");
    }

    /**
     * Issue 6 at the counter: a staff key finds a customer by a misspelled name and by a phone typed in another
     * format than stored, as results appear while typing, and reads the whole card by tapping only. The next best
     * offer's thresholds are relaxed to 0 here, since other tests' purchases share the index and would move lift and
     * confidence; NextBestOfferIT checks the numbers.
     */
    @Test
    void staffFindACustomerByAMisspelledNameAndByAPhoneInAnotherFormatAndReadTheCard() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String digits = String.valueOf(10_000_000 + Math.abs(s.hashCode() % 90_000_000));
        MosaicApiClient admin = new MosaicApiClient(port, KEY);
        Instant now = Instant.now();
        importCsv(admin, "customers", """
                source,record_id,first_name,last_name,email,phone,birth_date,city,loyalty_id,consent_email,consent_sms
                crm,th-%1$s,Theodora,Quappendorf,theodora.%1$s@example.de,+49 176 %2$s,1979-05-06,Hannover,L-%1$s,true,false
                """.formatted(s, digits));
        importCsv(admin, "purchases", """
                source,record_id,order_id,occurred_at,channel,store_id,email,sku,product_name,category,quantity,unit_price,currency
                pos,th-%1$s-1,TH-%1$s-1,%2$s,store,HAN-01,theodora.%1$s@example.de,PR-050,InkJet Home 2200,printers,1,89.00,EUR
                pos,th-%1$s-2,TH-%1$s-1,%2$s,store,HAN-01,theodora.%1$s@example.de,CA-310,Wireless Mouse M2,computer_accessories,2,19.99,EUR
                pos,nb1-%1$s-1,NB1-%1$s-1,2024-01-10T10:00:00Z,store,HAN-01,nb1.%1$s@example.de,PR-050,InkJet Home 2200,printers,1,89.00,EUR
                pos,nb1-%1$s-2,NB1-%1$s-2,2024-02-10T10:00:00Z,store,HAN-01,nb1.%1$s@example.de,PS-200,Ink Cartridge 22 Black,printer_supplies,1,24.99,EUR
                pos,nb2-%1$s-1,NB2-%1$s-1,2024-01-11T10:00:00Z,store,HAN-01,nb2.%1$s@example.de,PR-060,LaserJet Office L500,printers,1,229.00,EUR
                web,nb2-%1$s-2,NB2-%1$s-2,2024-03-11T10:00:00Z,web,,nb2.%1$s@example.de,PS-220,Toner L500 Black XL,printer_supplies,1,89.00,EUR
                pos,nb3-%1$s-1,NB3-%1$s-1,2024-01-12T10:00:00Z,store,HAN-01,nb3.%1$s@example.de,PR-050,InkJet Home 2200,printers,1,89.00,EUR
                pos,nb3-%1$s-2,NB3-%1$s-2,2024-04-12T10:00:00Z,store,HAN-01,nb3.%1$s@example.de,PS-210,Ink Cartridge 22 Colour,printer_supplies,1,29.99,EUR
                """.formatted(s, now.minus(Duration.ofDays(20))));
        importCsv(admin, "tickets", """
                source,record_id,opened_at,channel,status,email,subject
                helpdesk,th-%1$s-t,%2$s,phone,open,theodora.%1$s@example.de,Printer does not print in colour
                """.formatted(s, now.minus(Duration.ofDays(5))));
        importCsv(admin, "campaign_responses", """
                source,record_id,campaign_id,campaign_name,channel,occurred_at,event,email,nps
                newsletter,th-%1$s-n,NPS-%1$s,After-sales survey,email,%2$s,surveyed,theodora.%1$s@example.de,4
                """.formatted(s, now.minus(Duration.ofDays(3))));
        admin.lookupEventually("/api/v1/profiles/lookup?type=loyalty_id&value=L-" + s);
        String staffMember = staffMember(admin, "counter." + s);

        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/", staffMember, STAFF_PASSWORD);
        reportFirstPaint();
        browser.findElement(By.id("q")).sendKeys("Theodra Quapendorf");

        WebElement row = resultRow("Theodora Quappendorf");
        assertThat(row.getText()).contains("Hannover").contains("Detractor").contains("Needs attention");
        assertThat(browser.getCurrentUrl()).as("nothing typed reaches the page's URL").isEqualTo(url("/"));
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "staff-results-768x1024");
        row.click();

        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("the keyboard is gone").isNotEqualTo("q");
        assertThat(text("card-name")).isEqualTo("Theodora Quappendorf");
        assertThat(text("card-loyalty")).isEqualTo("L-" + s);
        assertThat(text("card-contact")).as("the counter view masks contact data").contains("t***@example.de")
                .doesNotContain("theodora.").doesNotContain(digits);
        assertThat(text("card-badges")).contains("NPS 4 · Detractor");
        assertThat(browser.findElement(By.id("card-attention")).isDisplayed()).isTrue();
        assertThat(text("card-attention")).contains("Needs attention").contains("recent detractor")
                .contains("open since").as("times read as dates").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}");
        assertThat(text("card-offers")).containsIgnoringCase("printer supplies")
                .contains("customers who bought printers bought this later");
        assertThat(text("card-categories")).containsIgnoringCase("computer accessories (2)")
                .containsIgnoringCase("printers (1)");
        assertThat(text("card-purchases")).contains("InkJet Home 2200").contains("store HAN-01");
        assertThat(text("card-tickets")).contains("Printer does not print in colour").contains("open");
        assertThat(text("card-consent")).contains("yes, opted in").contains("no, opted out");
        assertThat(text("card-timeline")).contains("Purchase").contains("Bought 1 x InkJet Home 2200")
                .contains("Ticket by phone: Printer does not print in colour")
                .contains("Campaign After-sales survey: surveyed by email, NPS 4");
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "staff-card-768x1024");
        browser.executeScript("document.querySelector('#card .panels').scrollIntoView({block: 'start'})");
        HeadlessChromium.screenshot(browser, "staff-card-panels-768x1024");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        HeadlessChromium.screenshot(browser, "staff-card-1024x768");
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);

        browser.findElement(By.id("back")).click();
        assertThat(browser.findElement(By.id("card")).isDisplayed()).isFalse();
        assertThat(resultRow("Theodora Quappendorf").isDisplayed()).isTrue();

        WebElement field = browser.findElement(By.id("q"));
        field.clear();
        field.sendKeys("0176 " + digits.substring(0, 4) + "-" + digits.substring(4));
        resultRow("Theodora Quappendorf").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        assertThat(text("card-name")).isEqualTo("Theodora Quappendorf");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
    }

    @Test
    void aStewardSeesWhyTwoRecordsAreOneProfileAndSplitsOneOffAfterConfirming() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MosaicApiClient api = new MosaicApiClient(port, KEY);
        String csv = "source,record_id,first_name,last_name,email,city\n"
                + "crm,sp-" + suffix + ",Jonas,Keller,jonas." + suffix + "@example.de,Hamburg\n"
                + "webshop,sp-" + suffix + ",Jonas,Keller,jonas." + suffix + "@example.de,Hamburg\n";
        api.awaitImport(api.json(api.send(api.withKey(api.post("/api/v1/imports?type=customers", csv, "text/csv"))))
                .get("importId").asText());
        String profileId = api.json(api.lookupEventually("/api/v1/profiles/lookup?type=email&value=jonas." + suffix
                + "%40example.de")).get("profileId").asText();
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/steward.html", "admin", KEY);

        browser.findElement(By.id("which")).sendKeys("jonas." + suffix + "@example.de");
        browser.findElement(By.id("show")).click();

        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("graph-section")));
        assertThat(text("graph-title")).isEqualTo("Profile " + profileId);
        assertThat(browser.findElements(By.cssSelector("#graph circle.record"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#graph line.link"))).hasSize(1);
        List<WebElement> link = browser.findElements(By.cssSelector("#links tr td"));
        assertThat(link.get(2).getText()).isEqualTo("exact_email");
        assertThat(link.get(4).getText()).contains("email: exact").contains("first_name: exact");
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "steward-graph-768x1024");

        browser.findElements(By.cssSelector("#records tr")).stream()
                .filter(row -> row.getText().contains("webshop")).findFirst().orElseThrow()
                .findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.findElement(By.id("split")).click();
        wait.until(ExpectedConditions.alertIsPresent());
        assertThat(browser.switchTo().alert().getText()).contains("Move 1 record(s) out of profile " + profileId);
        browser.switchTo().alert().accept();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Split done"));
        assertThat(browser.findElements(By.cssSelector("#records tr"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#graph line.link"))).isEmpty();
        String newProfile = text("message").replaceAll(".*profile ([0-9a-f-]+).*", "$1");
        assertThat(api.json(api.send(api.get("/api/v1/profiles/" + newProfile + "/explain"))).get("records").get(0)
                .get("source").asText()).isEqualTo("webshop");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        HeadlessChromium.screenshot(browser, "steward-after-split-1024x768");

        // A full run keeps the split apart and queues the two profiles for review once, with both profile ids.
        String runId = api.json(api.send(api.withKey(api.post("/api/v1/resolution/runs", "{}", "application/json"))))
                .get("runId").asText();
        assertThat(api.awaitResolutionRun(runId).get("state").asText()).isEqualTo("COMPLETED");
        JsonNode queue = api.json(api.send(api.get("/api/v1/resolution/review?limit=10000")));
        List<JsonNode> ours = new java.util.ArrayList<>();
        queue.forEach(pair -> {
            if (pair.toString().contains("sp-" + suffix)) {
                ours.add(pair);
            }
        });
        assertThat(ours).singleElement().satisfies(pair -> {
            assertThat(pair.get("reason").asText()).contains("steward split");
            assertThat(List.of(pair.at("/first/profileId").asText(), pair.at("/second/profileId").asText()))
                    .containsExactlyInAnyOrder(profileId, newProfile);
        });
        browser.findElement(By.id("load-review")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review tr")));
        JsonNode strongest = queue.get(0);
        WebElement firstRow = browser.findElements(By.cssSelector("#review tr")).getFirst();
        assertThat(firstRow.getText()).contains(strongest.at("/first/source").asText() + "/"
                + strongest.at("/first/recordId").asText()).contains("Profile " + strongest.at("/first/profileId").asText())
                .contains("Profile " + strongest.at("/second/profileId").asText());
        browser.executeScript("document.getElementById('review-title').scrollIntoView()");
        HeadlessChromium.screenshot(browser, "steward-review-queue-1024x768");
        firstRow.findElement(By.cssSelector("button")).click();
        // The first profile may be the one open already: wait for the message the page writes last.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "merge them, or leave them apart"));
        assertThat(text("graph-title")).isEqualTo("Profile " + strongest.at("/first/profileId").asText());
        assertThat(browser.findElement(By.id("other")).getAttribute("value"))
                .isEqualTo(strongest.at("/second/profileId").asText());
    }

    /** The result row naming this person, once the results typed so far show it. */
    private WebElement resultRow(String name) {
        return new WebDriverWait(browser, PATIENCE).until(driver -> driver.findElements(By.cssSelector("#results .result"))
                .stream().filter(row -> row.isDisplayed() && row.findElement(By.cssSelector(".result-name")).getText()
                        .equals(name)).findFirst().orElse(null));
    }

    /**
     * First paint of the page just loaded, from the Paint Timing entry (first-contentful-paint) with the Navigation
     * Timing entry's DOMContentLoaded and load beside it, in ms since navigation start; printed for the record. The
     * goal is under a second on loopback; the bound asserted is generous so a busy machine does not fail the build.
     */
    private void reportFirstPaint() {
        @SuppressWarnings("unchecked")
        List<Number> timing = (List<Number>) new WebDriverWait(browser, PATIENCE).until(driver -> browser.executeScript("""
                const navigation = performance.getEntriesByType('navigation')[0];
                const paint = performance.getEntriesByName('first-contentful-paint')[0]
                    || performance.getEntriesByName('first-paint')[0];
                if (!navigation || navigation.loadEventEnd === 0 || !paint) { return null; }
                return [paint.startTime, navigation.responseEnd, navigation.domContentLoadedEventEnd,
                        navigation.loadEventEnd];"""));
        System.out.printf("[mosaic-it] lookup page: first contentful paint %.0f ms, response end %.0f ms, "
                        + "DOMContentLoaded %.0f ms, load %.0f ms (Navigation and Paint Timing)%n",
                timing.get(0).doubleValue(), timing.get(1).doubleValue(), timing.get(2).doubleValue(),
                timing.get(3).doubleValue());
        assertThat(timing.get(0).doubleValue()).as("first paint in ms").isPositive().isLessThan(5000);
    }

    private static void importCsv(MosaicApiClient admin, String type, String csv) throws Exception {
        HttpResponse<String> accepted = admin.send(admin.withKey(admin.post("/api/v1/imports?type=" + type, csv,
                "text/csv")));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode status = admin.awaitImport(admin.json(accepted).get("importId").asText());
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.at("/counts/quarantined").asInt()).as(status.toString()).isZero();
    }

    /** A person with the STAFF role only, as the counter's tablet signs in; returns the user name. */
    private String staffMember(MosaicApiClient admin, String userName) throws Exception {
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/users",
                "{\"userName\":\"" + userName + "\",\"displayName\":\"Counter\",\"roles\":[\"STAFF\"],"
                        + "\"password\":\"" + STAFF_PASSWORD + "\"}", "application/json")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return userName;
    }


    private void importDemoCustomersAndWaitUntilAnnaIsFound() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        byte[] demo;
        try (InputStream in = new ClassPathResource("demo/customers.csv").getInputStream()) {
            demo = in.readAllBytes();
        }
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/imports?type=customers")))
                .header("X-API-Key", KEY).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(demo)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        HttpRequest lookup = HttpRequest.newBuilder(URI.create(url(
                "/api/v1/profiles/lookup?type=email&value=anna.schmidt%40example.de"))).header("X-API-Key", KEY).build();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (http.send(lookup, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            assertThat(System.nanoTime()).as("Anna is found within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private void scrollIntoView(String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'end'})", id);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
