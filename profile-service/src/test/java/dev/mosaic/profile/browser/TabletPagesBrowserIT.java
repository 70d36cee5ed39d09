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
        assertTouchTargetsAreAtLeast44Pixels();
        HeadlessChromium.screenshot(browser, "import-with-bad-row-768x1024");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        scrollIntoView("quarantine");
        HeadlessChromium.screenshot(browser, "import-with-bad-row-1024x768");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");

        assertThat(text("quarantine-title")).isEqualTo("Zeilen in Quarantäne");
        assertThat(text("progress-text")).isEqualTo("Fertig: 4 von 4 Zeilen (100 %)");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        HeadlessChromium.resize(browser, HeadlessChromium.PORTRAIT);
        HeadlessChromium.screenshot(browser, "import-with-bad-row-de-768x1024");
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

        browser.findElement(By.id("email")).sendKeys(" Anna.Schmidt@Example.de");
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();

        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile")));
        assertThat(text("profile-name")).isEqualTo("Anna Schmidt");
        assertThat(text("profile-emails")).isEqualTo("anna.schmidt@example.de");
        assertThat(text("profile-loyalty")).contains("L-700100");
        assertThat(browser.findElements(By.cssSelector("#profile-records tr")))
                .extracting(row -> row.findElement(By.cssSelector("td")).getText())
                .containsExactlyInAnyOrder("crm", "webshop", "pos");
        assertTouchTargetsAreAtLeast44Pixels();
        HeadlessChromium.screenshot(browser, "lookup-768x1024");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        HeadlessChromium.screenshot(browser, "lookup-1024x768");
    }

    @Test
    void aStewardSeesWhyTwoRecordsAreOneProfileAndSplitsOneOffAfterConfirming() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        dev.mosaic.profile.MosaicApiClient api = new dev.mosaic.profile.MosaicApiClient(port, KEY);
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
        assertTouchTargetsAreAtLeast44Pixels();
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
    }

    private void assertTouchTargetsAreAtLeast44Pixels() {
        for (WebElement target : browser.findElements(By.cssSelector("button, input, select, nav a"))) {
            if (target.isDisplayed()) {
                assertThat(target.getSize().getHeight()).as("height of %s#%s", target.getTagName(),
                        target.getDomAttribute("id")).isGreaterThanOrEqualTo(44);
            }
        }
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
