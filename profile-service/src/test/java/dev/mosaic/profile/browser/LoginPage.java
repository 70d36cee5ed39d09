package dev.mosaic.profile.browser;

import java.net.URI;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signing in as a person does: open a page, get sent to the login page, sign in there, get sent back. */
final class LoginPage {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private LoginPage() {
    }

    /** Opens {@code path}, signs in on the login page it leads to, and waits until the page shows who is signed in. */
    static void openSignedIn(ChromeDriver browser, int port, String path, String userName, String password) {
        browser.get("http://localhost:" + port + path);
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.urlContains("/login.html"));
        signIn(browser, userName, password);
        wait.until(driver -> URI.create(driver.getCurrentUrl()).getPath().equals(path));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }

    /** Types the user name and the password into the login page and presses the button. */
    static void signIn(ChromeDriver browser, String userName, String password) {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in")));
        browser.findElement(By.id("user-name")).clear();
        browser.findElement(By.id("user-name")).sendKeys(userName);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
