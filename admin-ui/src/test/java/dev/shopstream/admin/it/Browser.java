package dev.shopstream.admin.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headless Chromium driven through chromedriver (Debian's {@code chromium} and {@code chromium-driver}; see the
 * README), one browser per test class, pointed at the console. Each page visited is timed by the browser's own
 * Navigation Timing (request to load event) and appended to {@code page.timings}; screenshots go to
 * {@code screenshots.dir}. Timings are reported, never asserted: a test does not depend on the machine's speed.
 */
final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    /** Selenium warns on every start that it has no DevTools binding for this Chromium; the tests use none. */
    private static final Logger CDP_VERSION_WARNING = quiet(Logger.getLogger(
            "org.openqa.selenium.devtools.CdpVersionFinder"));
    private static final Path TIMINGS = Path.of(System.getProperty("page.timings", "target/page-timings.tsv"));

    /** The browser a test class has open, for {@link ConsoleTest}'s evidence of a failed test. */
    private static volatile Browser open;

    private final WebDriver driver;
    private final URI console;

    Browser(URI console) {
        this.console = console;
        File chromedriver = new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        String chromium = System.getProperty("chromium", "/usr/bin/chromium");
        if (!chromedriver.canExecute() || !new File(chromium).canExecute()) {
            throw new IllegalStateException("The browser tests need Chromium and chromedriver at " + chromium + " and "
                    + chromedriver + ": apt-get install chromium chromium-driver (see the README)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                // Headless, as root in CI (no sandbox), with /tmp instead of the small /dev/shm of some machines.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                        "--lang=en");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build(),
                options);
        open = this;
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Closes the browser a test class left open, if any. */
    static void closeOpen() {
        Browser browser = open;
        if (browser != null) {
            browser.close();
        }
    }

    /** What the open browser shows, saved as {@code name}.png and {@code name}.html beside the screenshots. */
    static void saveEvidence(String name) {
        Browser browser = open;
        if (browser != null) {
            browser.screenshot(name);
            try {
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.url() + "\n"
                        + browser.driver.getPageSource());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Opens a console page ({@code path} such as {@code /catalog/products.xhtml}) and records how long it took. */
    void visit(String path) {
        driver.get(console.resolve(path).toString());
        recordTiming(path);
    }

    /** Follows a link to a console page (one entered only through the console's links) and records its timing. */
    void follow(By link, String page) {
        click(link);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(page));
        recordTiming(page);
    }

    /** Loads the page again, as the browser's reload button does, and records its timing. */
    void reload() {
        driver.navigate().refresh();
        recordTiming(URI.create(driver.getCurrentUrl()).getPath() + " (reload)");
    }

    /**
     * Signs in through Keycloak's form: the console sends the browser there for any page. {@code totp} is the
     * authenticator code for staff, {@code null} for a customer (whom the realm asks for none).
     */
    void signIn(String username, String password, String totp) {
        driver.get(console.toString());
        waitFor(By.id("kc-login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        if (totp != null) {
            waitFor(By.id("otp")).sendKeys(totp);
            driver.findElement(By.id("kc-login")).click();
        }
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(console.getAuthority()));
        recordTiming("/ (after sign-in)");
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element holds {@code text} (an Ajax update has arrived); returns its whole text. */
    String waitForText(By locator, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator).getText();
    }

    /** Types into an input, replacing what it held. */
    void type(By locator, String text) {
        WebElement input = waitFor(locator);
        input.clear();
        input.sendKeys(text);
    }

    /** Picks an option of a PrimeFaces select menu by its label. */
    void choose(String menuId, String label) {
        waitFor(By.id(menuId)).click();
        waitFor(By.cssSelector("[id='" + menuId + "_panel'] li[data-label='" + label + "']")).click();
    }

    void click(By locator) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebDriver driver() {
        return driver;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The navigation's time from the request to the load event, and the server's part (request to last byte). */
    private void recordTiming(String page) {
        new WebDriverWait(driver, WAIT).until(loaded -> (Boolean) ((JavascriptExecutor) driver).executeScript("""
                const n = performance.getEntriesByType('navigation')[0];
                return !n || n.loadEventEnd > 0;"""));
        Object timing = ((JavascriptExecutor) driver).executeScript("""
                const n = performance.getEntriesByType('navigation')[0];
                return n ? [n.loadEventEnd - n.startTime, n.responseEnd - n.requestStart] : null;""");
        if (!(timing instanceof List<?> figures) || figures.size() != 2) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s\t%.0f\t%.0f%n", page, ((Number) figures.get(0)).doubleValue(),
                ((Number) figures.get(1)).doubleValue());
        try {
            Files.createDirectories(TIMINGS.toAbsolutePath().getParent());
            Files.writeString(TIMINGS, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        open = null;
        driver.quit();
    }
}
