package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver; nothing is downloaded (a test tool's own browser download
 * cannot work on these machines). Where no chromium is installed the browser tests are skipped (see {@link #usable})
 * with a message saying how to install it, except in CI ({@code CI=true}), where {@code .ci/run} installs it and a
 * missing browser fails them.
 * {@code -Dmosaic.chromium=...} and {@code -Dmosaic.chromedriver=...} point to other executables.
 */
final class HeadlessChromium {

    static final Dimension PORTRAIT = new Dimension(768, 1024);
    static final Dimension LANDSCAPE = new Dimension(1024, 768);

    private static final Path BINARY = Path.of(System.getProperty("mosaic.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("mosaic.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /**
     * Whether the browser tests run here: when chromium and its driver are installed, and always in CI
     * ({@code CI=true}), where a missing browser must fail them (in {@link #start}) rather than skip them.
     */
    static boolean usable() {
        if (installed() || ci()) {
            return true;
        }
        System.out.println("[mosaic-it] SKIPPED browser tests. " + missing());
        return false;
    }

    private static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String missing() {
        return "Browser tests need Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER
                + "); install them with scripts/install-browser.sh (apt-get install chromium chromium-driver)";
    }

    /** A fresh browser profile with English as the browser's language and the given window size. */
    static ChromeDriver start(Dimension size) {
        if (!installed()) {
            fail(missing() + ". In CI they must run: .ci/run installs them.");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        resize(driver, size);
        return driver;
    }

    /** Makes the page's viewport exactly {@code size}, as on a tablet. */
    static void resize(ChromeDriver driver, Dimension size) {
        driver.manage().window().setSize(size);
        long innerWidth = (Long) driver.executeScript("return window.innerWidth");
        long innerHeight = (Long) driver.executeScript("return window.innerHeight");
        if (innerWidth != size.getWidth() || innerHeight != size.getHeight()) {
            driver.manage().window().setSize(new Dimension(2 * size.getWidth() - (int) innerWidth,
                    2 * size.getHeight() - (int) innerHeight));
        }
    }

    /**
     * Every control a finger can reach on the page as shown is at least 44 px high; a checkbox inside a role label is
     * reached through its label, the larger target, so the label is measured instead.
     */
    static void assertTouchTargetsAreAtLeast44Pixels(ChromeDriver driver) {
        for (WebElement target : driver.findElements(By.cssSelector("button, input, select, nav a, label.role"))) {
            boolean reachedThroughItsLabel = "checkbox".equals(target.getDomAttribute("type"))
                    && !target.findElements(By.xpath("ancestor::label[contains(@class, 'role')]")).isEmpty();
            if (target.isDisplayed() && !reachedThroughItsLabel) {
                assertThat(target.getSize().getHeight()).as("height of %s#%s", target.getTagName(),
                        target.getDomAttribute("id")).isGreaterThanOrEqualTo(44);
            }
        }
    }

    /** Saves what the browser shows to target/screenshots/NAME.png and returns that file. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File taken = driver.getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(taken.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[mosaic-it] screenshot " + target.toAbsolutePath());
        return target;
    }
}
