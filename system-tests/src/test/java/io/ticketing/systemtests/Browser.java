package io.ticketing.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One customer's or admin's browser: Debian's Chromium, headless, driven by its chromedriver through Selenium (never a
 * downloaded browser), on the web app the gateway serves. Each browser has a profile of its own, so two of them are two
 * people. Screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("TICKETING_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("TICKETING_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("chromium-profile");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // what this machine's closed network and a root user need: no sandbox, no background calls to Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A desktop browser; the test is skipped (with the reason) where Chromium is not installed. */
    static Browser desktop() throws IOException {
        return open(1280, 1000);
    }

    /** A 360-pixel-wide phone. */
    static Browser phone() throws IOException {
        return open(360, 740);
    }

    private static Browser open(int width, int height) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); "
                        + ".ci/run installs them");
        return new Browser(width, height);
    }

    /** Opens a page of the web app, e.g. {@code /#/show/<id>}. */
    Browser open(String path) {
        driver.get(LocalStackProcess.GATEWAY + path);
        return this;
    }

    WebElement await(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until an element with this text in it is shown, and answers it. */
    WebElement awaitText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text)).findFirst()
                .orElseThrow();
    }

    void awaitAttribute(String css, String attribute, String contained) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeContains(By.cssSelector(css), attribute, contained));
    }

    Browser click(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /** Clicks twice in a row, as an impatient customer does. */
    Browser doubleClick(String css) {
        new Actions(driver).doubleClick(new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))).perform();
        return this;
    }

    /** Clicks the button or link with this text in the page's main part. */
    Browser clickText(String text) {
        String xpath = "//main//*[self::button or self::a][normalize-space()=" + quoted(text) + "]";
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
        return this;
    }

    Browser type(String css, String text) {
        WebElement field = await(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Picks the option with this visible text in a select. */
    Browser select(String css, String option) {
        new Select(await(css)).selectByVisibleText(option);
        return this;
    }

    /** Sets a field's value as a date or time picker would, and tells the page (an input event). */
    Browser setValue(String css, String value) {
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", await(css), value);
        return this;
    }

    /** Drags the pointer across an element, from and to points given as fractions of its width and height. */
    Browser dragOver(String css, double fromX, double fromY, double toX, double toY) {
        WebElement element = await(css);
        var size = element.getSize();
        int startX = (int) (size.getWidth() * (fromX - 0.5));
        int startY = (int) (size.getHeight() * (fromY - 0.5));
        new Actions(driver).moveToElement(element, startX, startY).clickAndHold()
                .moveByOffset((int) (size.getWidth() * (toX - fromX)) / 2, (int) (size.getHeight() * (toY - fromY)) / 2)
                .moveByOffset((int) (size.getWidth() * (toX - fromX)) / 2, (int) (size.getHeight() * (toY - fromY)) / 2)
                .release().perform();
        return this;
    }

    /**
     * Types into the field whose label in the page's main part has this text, once the page shows that label: a page
     * just opened may still show the one before while it loads.
     */
    Browser typeLabelled(String label, String text) {
        String id = new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//main//label[normalize-space()=" + quoted(label) + "]"))).getAttribute("for");
        return type("#" + id, text);
    }

    /** Focuses an element, then presses keys as a keyboard user would (sent to whatever has the focus). */
    Browser keys(String css, CharSequence... keys) {
        script("arguments[0].focus()", await(css));
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    String text(String css) {
        return await(css).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /**
     * From the next page opened on, answers its requests to paths starting with {@code path} (no quotes in it) only
     * after {@code delay}, as a slow network would; {@code window.delayedAnswered} counts them, each half a second
     * after its answer (time for its page to show it).
     */
    Browser delaying(String path, Duration delay) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                (() => {
                  const fetch = window.fetch;
                  window.delayedAnswered = 0;
                  window.fetch = (input, init) => String(input).startsWith('%s')
                    ? new Promise((resolve) => setTimeout(resolve, %d)).then(() => fetch(input, init))
                      .finally(() => setTimeout(() => window.delayedAnswered++, 500))
                    : fetch(input, init);
                })();""".formatted(path, delay.toMillis())));
        return this;
    }

    /** Signs this browser in as a customer whose session support staff opened (skips the mailed code). */
    Browser signedInAs(Platform.Session session, String email) {
        open("/");
        script("localStorage.setItem('ticketing.session', JSON.stringify(arguments[0]))",
                Map.of("token", session.token(), "customerId", session.customerId().toString(), "email", email,
                        "expiresAt", java.time.Instant.now().plus(Duration.ofHours(1)).toString()));
        return this;
    }

    /** A screenshot with this element scrolled to the top of the window. */
    Path screenshot(String name, String css) {
        script("arguments[0].scrollIntoView({block: 'start'})", await(css));
        return screenshot(name);
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * axe-core's WCAG 2.2 A and AA rules on the page as it is now: answers each violation as "rule: what (elements)",
     * none when the page passes.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        driver.executeScript(axeSource());
        var result = (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then((r) => done({ violations: r.violations.map((v) => v.id + ': ' + v.help + ' ('
                      + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ') + ')') }))
                  .catch((e) => done({ violations: ['axe failed: ' + e] }));""");
        return (List<String>) result.get("violations");
    }

    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String axeVersion() {
        try (InputStream in = Browser.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            var properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String quoted(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() throws IOException {
        screenshot("last-" + profile.getFileName());
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
