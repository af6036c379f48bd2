package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.octogate.standin.GitHubStandIn;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in flow in a real browser: Debian's Chromium, headless, driven by Selenium through
 * Debian's chromedriver (Selenium Manager is not used and downloads nothing), against the
 * packaged WAR on embedded Jetty under {@code /cla}, with the local GitHub stand-in as GitHub.
 *
 * <p>Every step also checks the browser's console: any {@code SEVERE} entry (a script error, a
 * resource that failed to load, a Content-Security-Policy violation) fails the test. The entries
 * are read with ChromeDriver's log endpoint ({@code goog:loggingPrefs}, {@code LogType.BROWSER}).
 *
 * <p>Without Chromium or chromedriver the tests are skipped with one line on stdout. Other paths
 * can be given with {@code -Doctogate.chromium=...} and {@code -Doctogate.chromedriver=...}.
 * Screenshots go to {@code target/browser/}: {@code signed-in.png} always, and
 * {@code failed-TESTNAME.png} when a test fails.
 */
class BrowserIT {

    private static final String CHROMIUM = System.getProperty("octogate.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("octogate.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path OUTPUT = Path.of("target", "browser");
    /** The context path the WAR is deployed under; {@code -Doctogate.browserit.context=/} tries the root. */
    private static final String CONTEXT = System.getProperty("octogate.browserit.context", "/cla");
    private static final Pattern JSON_LOGIN_OCTOCAT = Pattern.compile("\"login\"\\s*:\\s*\"octocat\"");

    /** Why the browser cannot run here (one line, printed once), or null. */
    static String skipReason;
    static GitHubStandIn standIn;
    static WarServer app;

    WebDriver driver;
    Path profile;

    /** Saves a screenshot of a failed test while its browser is still open (before {@code @AfterEach}). */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            try {
                screenshot("failed-" + context.getRequiredTestMethod().getName() + ".png");
            } catch (RuntimeException e) {
                System.out.println("BrowserIT: no failure screenshot: " + e);
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        String missing = missingBrowser();
        if (missing != null) {
            // Each test is then skipped by the assumption in openBrowser(), so reports count them as skipped.
            skipReason = "BrowserIT skipped: " + missing
                    + "; install it with: apt-get install -y chromium chromium-driver";
            System.out.println(skipReason);
            return;
        }
        // Debian's chromedriver, so that Selenium Manager is not asked for (or to download) one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Files.createDirectories(OUTPUT);
        standIn = GitHubStandIn.builder().start();
        app = WarServer.start(CONTEXT, WarServer.settings(standIn.url(),
                "github.client-id", standIn.clientId(),
                "github.client-secret", standIn.clientSecret(),
                "app.admins", "octocat"));
        assertTrue(app.available(), "the WAR deployed");
    }

    /** Why the browser cannot run here, or null when Chromium and chromedriver are both present. */
    private static String missingBrowser() {
        if (!Files.isRegularFile(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMIUM))) {
            return "Chromium not found (no executable " + CHROMIUM + ")";
        }
        if (!Files.isRegularFile(Path.of(CHROMEDRIVER)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return "chromedriver not found (no executable " + CHROMEDRIVER + ")";
        }
        return null;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        Assumptions.assumeTrue(skipReason == null, skipReason);
        profile = Files.createTempDirectory("octogate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withLogFile(OUTPUT.resolve("chromedriver-" + test.getTestMethod().orElseThrow().getName() + ".log")
                        .toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteTree(profile);
        }
    }

    // ---------------------------------------------------------------- the tests

    /** Step 1 and 2: a deep protected page sends the browser through sign-in and back to it. */
    @Test
    void protectedPageLeadsThroughTheStandInAndBackToThePageAskedFor() throws IOException {
        open("/?from=test");
        String authorize = assertOnStandInAuthorizePage("opening " + app.contextPath() + "/?from=test without a session");
        Map<String, String> query = TestBrowser.query(URI.create(authorize));
        assertEquals(standIn.clientId(), query.get("client_id"));
        assertEquals(app.base() + "/callback", query.get("redirect_uri"), "redirect_uri on the browsed origin");
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("state").length() >= 22, "a state of at least 128 bits: " + query.get("state"));
        assertNoConsoleErrors("opening a protected page without a session");

        authorize();
        assertSignedInIndex("/?from=test");
        assertNoConsoleErrors("signing in and landing on the page first asked for");

        // The page as a browser shows it: avatar from the stand-in and the app's stylesheet allowed by the CSP.
        WebElement avatar = driver.findElement(By.cssSelector("img.avatar"));
        await("the avatar image to load", d -> (Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0;",
                avatar));
        assertEquals(standIn.url() + "/avatars/octocat.svg", avatar.getAttribute("src"));
        assertEquals("The Octocat", driver.findElement(By.cssSelector("p.name")).getText());
        assertEquals("rgba(31, 136, 61, 1)", signOutButton().getCssValue("background-color"),
                "the app's stylesheet is applied (green sign-out button)");
        Path shot = screenshot("signed-in.png");
        assertTrue(Files.size(shot) > 1000, "a screenshot was written to " + shot);
        assertNoConsoleErrors("the signed-in index page");

        // Signed in, the JSON API answers the browser directly.
        open("/api/me");
        assertEquals(app.base() + "/api/me", driver.getCurrentUrl());
        await("the JSON of the signed-in user", d -> JSON_LOGIN_OCTOCAT.matcher(bodyText()).find());
        assertNoConsoleErrors("opening " + app.contextPath() + "/api/me while signed in");
    }

    /** Step 3: two tabs each start a sign-in before either completes; both complete, each to its own page. */
    @Test
    void twoTabsSigningInAtOnceBothLandWhereTheyStarted() {
        String tabA = driver.getWindowHandle();
        open("/login?next=" + encode("/?tab=a"));
        String stateA = TestBrowser.query(URI.create(assertOnStandInAuthorizePage("tab A: /login?next=/?tab=a")))
                .get("state");
        assertNoConsoleErrors("tab A starting a sign-in");

        driver.switchTo().newWindow(WindowType.TAB);
        String tabB = driver.getWindowHandle();
        assertNotEquals(tabA, tabB);
        open("/login?next=" + encode("/api/me"));
        String stateB = TestBrowser.query(URI.create(assertOnStandInAuthorizePage("tab B: /login?next=/api/me")))
                .get("state");
        assertNotEquals(stateA, stateB, "each pending sign-in has its own state");
        assertNoConsoleErrors("tab B starting a sign-in while tab A's waits");

        // B completes first...
        authorize();
        await("tab B to land on " + app.contextPath() + "/api/me", ExpectedConditions.urlToBe(app.base() + "/api/me"));
        await("tab B's JSON of the signed-in user", d -> JSON_LOGIN_OCTOCAT.matcher(bodyText()).find());
        assertNoConsoleErrors("tab B completing its sign-in");

        // ...then A, whose pending sign-in must have survived B's (and B's change of session id).
        driver.switchTo().window(tabA);
        authorize();
        assertSignedInIndex("/?tab=a");
        assertNoConsoleErrors("tab A completing its sign-in after tab B");

        // Both tabs are signed in: reloading either shows the signed-in user, not the stand-in.
        driver.switchTo().window(tabB);
        driver.navigate().refresh();
        await("tab B, reloaded, still signed in", d -> JSON_LOGIN_OCTOCAT.matcher(bodyText()).find());
        assertEquals(app.base() + "/api/me", driver.getCurrentUrl());
        driver.switchTo().window(tabA);
        driver.navigate().refresh();
        assertSignedInIndex("/?tab=a");
        assertNoConsoleErrors("reloading both tabs");
    }

    /** Step 4: the sign-out button ends the session; the protected page then asks for sign-in again. */
    @Test
    void signOutButtonSignsOutAndTheProtectedPageIsRefusedAfterwards() {
        open("/");
        assertOnStandInAuthorizePage("opening " + app.contextPath() + "/ without a session");
        authorize();
        assertSignedInIndex("/");
        assertNoConsoleErrors("signing in from " + app.contextPath() + "/");

        signOutButton().click();
        await("the signed-out page", ExpectedConditions.urlToBe(app.base() + "/signed-out"));
        assertEquals("You are signed out", heading());
        assertEquals(app.contextPath() + "/login",
                URI.create(driver.findElement(By.linkText("Sign in with GitHub")).getAttribute("href")).getPath());
        assertNoConsoleErrors("signing out");

        open("/");
        assertOnStandInAuthorizePage("opening " + app.contextPath() + "/ after signing out");
        assertFalse(bodyText().contains("Hello"), "no greeting after signing out: " + bodyText());
        assertNoConsoleErrors("opening " + app.contextPath() + "/ after signing out");

        open("/api/me");
        assertOnStandInAuthorizePage("opening " + app.contextPath() + "/api/me after signing out");
        assertFalse(JSON_LOGIN_OCTOCAT.matcher(bodyText()).find(), "no user JSON after signing out");
        assertNoConsoleErrors("opening " + app.contextPath() + "/api/me after signing out");
    }

    /**
     * The CLA loop as people click it: an admin creates an agreement, previews and publishes its
     * first version; a contributor (the same account here) signs it and lands on a receipt naming
     * the hash the agreement page shows.
     */
    @Test
    void anAgreementIsPublishedSignedAndItsReceiptOpened() {
        open("/admin/");
        assertOnStandInAuthorizePage("opening " + app.contextPath() + "/admin/ without a session");
        authorize();
        await("the admin page", ExpectedConditions.textToBe(By.tagName("h1"), "Admin"));
        driver.findElement(By.id("slug")).sendKeys("browser-cla");
        driver.findElement(By.id("title")).sendKeys("Browser CLA");
        driver.findElement(By.xpath("//button[normalize-space()='Create']")).click();
        await("the new agreement's admin page", ExpectedConditions.urlToBe(app.base() + "/admin/agreements/browser-cla"));
        driver.findElement(By.id("text")).sendKeys("# Browser CLA\n\nI *agree* to license what I contribute.\n");
        driver.findElement(By.id("changelog")).sendKeys("First version");
        driver.findElement(By.xpath("//button[normalize-space()='Preview']")).click();
        await("the preview", ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "preview"));
        assertTrue(driver.findElement(By.cssSelector("pre.diff")).getText().contains("+ I *agree* to license"),
                "the line diff against nothing: " + bodyText());
        assertNoConsoleErrors("previewing the first version");
        driver.findElement(By.xpath("//button[normalize-space()='Publish version 1']")).click();
        await("the agreement's admin page again", ExpectedConditions.urlToBe(app.base() + "/admin/agreements/browser-cla"));
        assertNoConsoleErrors("publishing the first version");

        open("/agreements/browser-cla");
        await("the agreement page", ExpectedConditions.textToBe(By.tagName("h1"), "Browser CLA"));
        assertEquals("agree", driver.findElement(By.cssSelector("article.agreement em")).getText(), "rendered Markdown");
        String hash = driver.findElement(By.cssSelector("code.hash")).getText();
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        driver.findElement(By.linkText("Sign this agreement")).click();
        await("the signing form", ExpectedConditions.presenceOfElementLocated(By.id("field-agree")));
        WebElement name = driver.findElement(By.id("field-name"));
        assertEquals("The Octocat", name.getAttribute("value"), "prefilled from the profile");
        driver.findElement(By.id("field-email")).sendKeys("octocat@example.org");
        driver.findElement(By.xpath("//button[normalize-space()='Sign']")).click();
        await("the form again, asking for the tick", ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
        assertEquals("octocat@example.org", driver.findElement(By.id("field-email")).getAttribute("value"),
                "the values are kept");
        // The refusal is a 400, which Chromium reports on the console: that one entry, nothing else.
        List<String> severe = consoleEntries().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertTrue(severe.stream().allMatch(m -> m.contains("/agreements/browser-cla/sign") && m.contains("400")),
                severe.toString());
        driver.findElement(By.id("field-agree")).click();
        driver.findElement(By.xpath("//button[normalize-space()='Sign']")).click();
        await("the receipt", ExpectedConditions.textToBe(By.tagName("h1"), "Receipt"));
        assertTrue(driver.getCurrentUrl().startsWith(app.base() + "/signatures/"), driver.getCurrentUrl());
        assertEquals(hash, driver.findElement(By.cssSelector("code.hash")).getText(), "the receipt names the text's hash");
        assertTrue(driver.findElement(By.cssSelector("pre.text")).getText().contains("I *agree* to license"),
                "the exact text signed");
        assertEquals(driver.getCurrentUrl() + ".txt",
                driver.findElement(By.linkText("Download the receipt")).getAttribute("href"));
        screenshot("receipt.png");
        assertNoConsoleErrors("signing and opening the receipt");

        open("/");
        assertTrue(bodyText().contains("Browser CLA, version 1"), "the start page lists the signature: " + bodyText());
        assertNoConsoleErrors("the start page after signing");
    }

    // ---------------------------------------------------------------- steps and checks

    private void open(String appPath) {
        driver.get(app.base() + appPath);
    }

    /** Waits for the stand-in's authorize page, checks it says it is a stand-in, and returns its URL. */
    private String assertOnStandInAuthorizePage(String after) {
        String authorizeUrl = standIn.url() + "/login/oauth/authorize?";
        await("the stand-in's authorize page after " + after, ExpectedConditions.and(
                ExpectedConditions.urlContains(authorizeUrl),
                ExpectedConditions.presenceOfElementLocated(By.id("authorize"))));
        String url = driver.getCurrentUrl();
        assertTrue(url.startsWith(authorizeUrl), "on the stand-in's authorize page: " + url);
        assertTrue(driver.getTitle().contains("GitHub stand-in"), "title says stand-in: " + driver.getTitle());
        String banner = driver.findElement(By.cssSelector(".banner")).getText();
        assertTrue(banner.contains("local GitHub stand-in") && banner.contains("It is not GitHub"),
                "the page says plainly it is a local stand-in: " + banner);
        return url;
    }

    private void authorize() {
        WebElement button = new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.id("authorize")));
        assertEquals("Authorize", button.getText());
        button.click();
    }

    private void assertSignedInIndex(String appPath) {
        await("landing on " + app.contextPath() + appPath, ExpectedConditions.urlToBe(app.base() + appPath));
        await("\"Hello octocat!\"", ExpectedConditions.textToBe(By.tagName("h1"), "Hello octocat!"));
        assertTrue(driver.findElement(By.tagName("h1")).isDisplayed(), "the greeting is visible");
        assertTrue(signOutButton().isDisplayed(), "a sign-out button");
    }

    private WebElement signOutButton() {
        return driver.findElement(By.xpath("//form//button[normalize-space()='Sign out']"));
    }

    /** Fails on any SEVERE browser console entry since the last check (reading the log empties it). */
    private void assertNoConsoleErrors(String step) {
        List<LogEntry> entries = consoleEntries();
        for (LogEntry entry : entries) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
                System.out.println("BrowserIT console (" + step + "): " + entry.getLevel() + " " + entry.getMessage());
            } else if (outsideTheApp(entry)) {
                System.out.println("BrowserIT console, not the app's (" + step + "): " + entry.getLevel() + " "
                        + entry.getMessage());
            }
        }
        List<String> errors = entries.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !outsideTheApp(e))
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
        if (!errors.isEmpty()) {
            fail("browser console errors while " + step + " (at " + driver.getCurrentUrl() + "):\n  "
                    + String.join("\n  ", errors));
        }
    }

    /**
     * A document without a {@code <link rel="icon">} (here the JSON of {@code /api/me}) makes Chromium
     * fetch {@code /favicon.ico} at the origin's root. Under a context path that URL is outside the
     * app, so its 404 is the host's, not Octogate's: that one entry is not counted. At the root it
     * is the app's own path and it is counted: Octogate serves a public {@code /favicon.ico}.
     */
    private boolean outsideTheApp(LogEntry entry) {
        String origin = "http://localhost:" + app.port();
        return !app.contextPath().isEmpty() && entry.getMessage().startsWith(origin + "/favicon.ico ");
    }

    private List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    private <T> T await(String what, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "waiting for " + what + "; at "
                + driver.getCurrentUrl() + ": " + abbreviate(bodyText())).until(condition);
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(no body: " + e.getClass().getSimpleName() + ")";
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private Path screenshot(String name) {
        try {
            Files.createDirectories(OUTPUT);
            Path target = OUTPUT.resolve(name);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot);
            System.out.println("BrowserIT screenshot: " + target.toAbsolutePath());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    /** Deletes the throw-away browser profile; Chromium has exited by now (quit waits for it). */
    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        for (int attempt = 1; attempt <= 3 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 3) {
                    System.out.println("BrowserIT: could not delete the browser profile " + root + ": " + e);
                }
            }
        }
    }
}
