package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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

import dev.mosaic.profile.MosaicApiClient;
import dev.mosaic.profile.MosaicApplication;

/**
 * The login page and the administration page in a real headless Chromium against the whole application on real
 * Neo4j and Elasticsearch: signing in and out, the pages a role sees, API keys and people, the erasure of a person.
 * Screenshots at 768x1024 and 1024x768 go to target/screenshots.
 */
@EnabledIf(value = "dev.mosaic.profile.browser.HeadlessChromium#usable",
        disabledReason = "no chromium and chromedriver here; scripts/install-browser.sh installs them")
@SpringBootTest(classes = MosaicApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminPagesBrowserIT {

    private static final String KEY = "it-admin-browser-key";
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
    void anAdminCreatesAKeyShownOnceAndAPersonAndErasesACustomerAfterTypingTheProfileIdAgain() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        MosaicApiClient api = new MosaicApiClient(port, KEY);
        String csv = "source,record_id,first_name,last_name,email,city\n"
                + "crm,er-" + suffix + ",Greta,Vergessen,greta." + suffix + "@example.de,Kassel\n";
        api.awaitImport(api.json(api.send(api.withKey(api.post("/api/v1/imports?type=customers", csv, "text/csv"))))
                .get("importId").asText());
        String profileId = api.json(api.lookupEventually("/api/v1/profiles/lookup?type=email&value=greta." + suffix
                + "%40example.de")).get("profileId").asText();
        // The completed import's upload is deleted already; a file of an import not yet ended still holds the record.
        Path pending = java.nio.file.Files.createDirectories(dataDir.resolve("uploads").resolve("pending"))
                .resolve("crm-" + suffix + ".csv");
        java.nio.file.Files.writeString(pending, csv);
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        LoginPage.openSignedIn(browser, port, "/admin.html", "admin", KEY);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        assertThat(text("signed-in-as")).isEqualTo("Signed in as Administrator");

        String keyName = "tablet-" + suffix;
        browser.findElement(By.id("key-name")).sendKeys(keyName);
        browser.findElement(By.id("key-role-system")).click(); // SYSTEM is ticked for a new key; a tablet needs STAFF
        browser.findElement(By.id("key-role-staff")).click();
        browser.findElement(By.id("create-key")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        String secret = browser.findElement(By.id("secret-value")).getDomProperty("value");
        assertThat(secret).startsWith("mk_");
        assertThat(text("secret-what")).contains(keyName).contains("cannot show it again");
        wait.until(driver -> rowOf("keys", keyName).isPresent());
        assertThat(rowOf("keys", keyName).orElseThrow().getText()).contains("Staff").contains("Active");
        MosaicApiClient tablet = new MosaicApiClient(port, secret);
        assertThat(tablet.send(tablet.get("/api/v1/profiles/nobody")).statusCode()).isEqualTo(404);
        assertThat(tablet.send(tablet.get("/api/v1/admin/keys")).statusCode()).isEqualTo(403);
        browser.findElement(By.id("copy-secret")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("copy-status"), "Cop"));
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "admin-key-created-768x1024");
        browser.findElement(By.id("secret-done")).click();
        assertThat(browser.findElement(By.id("secret")).isDisplayed()).isFalse();

        String userName = "lena." + suffix;
        browser.findElement(By.id("person-user-name")).sendKeys(userName);
        browser.findElement(By.id("person-display-name")).sendKeys("Lena Vogel");
        browser.findElement(By.id("add-person")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret")));
        String password = browser.findElement(By.id("secret-value")).getDomProperty("value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        wait.until(driver -> rowOf("people", userName).isPresent());
        assertThat(rowOf("people", userName).orElseThrow().getText()).contains("Lena Vogel").contains("Staff");
        browser.findElement(By.id("secret-done")).click();

        browser.findElement(By.id("erase-profile")).sendKeys(profileId);
        browser.findElement(By.id("erase-show")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erase-confirm")));
        assertThat(text("erase-who")).isEqualTo("Greta Vergessen, profile " + profileId + ", with 1 source record(s).");
        WebElement eraseNow = browser.findElement(By.id("erase-now"));
        assertThat(eraseNow.isEnabled()).isFalse();
        browser.findElement(By.id("erase-typed")).sendKeys(profileId.substring(0, 8));
        assertThat(eraseNow.isEnabled()).as("enabled by a part of the id").isFalse();
        browser.findElement(By.id("erase-typed")).sendKeys(profileId.substring(8));
        assertThat(eraseNow.isEnabled()).isTrue();
        eraseNow.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erase-result")));
        assertThat(text("erase-done")).isEqualTo("Profile " + profileId + " is erased.");
        assertThat(text("erased-records")).isEqualTo("1");
        assertThat(text("erased-files")).isEqualTo("1");
        assertThat(pending).doesNotExist();
        assertThat(text("erased-reimport")).isEqualTo("is skipped");
        assertThat(api.send(api.get("/api/v1/profiles/" + profileId)).statusCode()).isEqualTo(404);
        assertThat(api.json(api.send(api.get("/api/v1/admin/audit?who=admin&action=profile.erase&profileId="
                + profileId))).size()).isEqualTo(1);
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        browser.executeScript("document.getElementById('erase-result').scrollIntoView({block: 'end'})");
        HeadlessChromium.screenshot(browser, "admin-erased-1024x768");

        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        assertThat(text("erased-reimport")).isEqualTo("wird übersprungen");
        assertThat(text("signed-in-as")).isEqualTo("Angemeldet als Administrator");
    }

    @Test
    void aStaffMemberSignsInSeesOnlyTheirPagesAndSignsOut() throws Exception {
        String userName = "jan." + UUID.randomUUID().toString().substring(0, 8);
        MosaicApiClient api = new MosaicApiClient(port, KEY);
        assertThat(api.send(api.withKey(api.post("/api/v1/admin/users", "{\"userName\":\"" + userName
                + "\",\"displayName\":\"Jan Weber\",\"roles\":[\"STAFF\"],\"password\":\"counter-tablet-2026\"}",
                "application/json"))).statusCode()).isEqualTo(201);
        browser = HeadlessChromium.start(HeadlessChromium.PORTRAIT);
        browser.get("http://localhost:" + port + "/steward.html");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.urlContains("/login.html"));
        HeadlessChromium.assertTouchTargetsAreAtLeast44Pixels(browser);
        HeadlessChromium.screenshot(browser, "login-768x1024");

        LoginPage.signIn(browser, userName, "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "wrong"));
        assertThat(text("message")).isEqualTo("The user name or the password is wrong.");
        HeadlessChromium.resize(browser, HeadlessChromium.LANDSCAPE);
        HeadlessChromium.screenshot(browser, "login-wrong-password-1024x768");
        LoginPage.signIn(browser, userName, "counter-tablet-2026");

        wait.until(driver -> URI.create(driver.getCurrentUrl()).getPath().equals("/steward.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        assertThat(text("signed-in-as")).isEqualTo("Signed in as Jan Weber");
        assertThat(browser.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText)
                .containsExactly("Find a customer");
        assertThat(text("page-denied")).contains("Your roles do not include this page");

        browser.findElement(By.cssSelector("nav a[href='/']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
        assertThat(browser.findElements(By.id("page-denied"))).isEmpty();
        browser.findElement(By.id("q")).sendKeys("nobody.anywhere@example.de");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "No customer"));

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login.html"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-notice"), "You are signed out."));
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login.html"));
        List<String> trail = api.json(api.send(api.get("/api/v1/admin/audit?who=" + userName))).findValues("action")
                .stream().map(node -> node.asText()).toList();
        assertThat(trail).contains("session.signin-failed", "session.signin", "session.signout");
    }

    private java.util.Optional<WebElement> rowOf(String table, String name) {
        return browser.findElements(By.cssSelector("#" + table + " tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("th")).getText().equals(name)).findFirst();
    }


    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
