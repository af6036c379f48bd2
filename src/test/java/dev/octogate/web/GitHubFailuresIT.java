package dev.octogate.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.octogate.testing.HostileGitHub;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import dev.octogate.testing.WarWithGitHub;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every way GitHub can fail during the callback gets its own clear page and status, a WARN or
 * ERROR line with the cause, and never a stack trace, token or secret. GitHub timeout is 1 s here.
 */
class GitHubFailuresIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/", "github.timeout-seconds", "1");

    // A new test instance, so a new browser and log capture, for each test.
    TestBrowser browser = new TestBrowser();
    @RegisterExtension
    final LogCapture logs = LogCapture.of("dev.octogate");

    HttpResponse<String> signInWithTokenAnswer(ResponseDefinitionBuilder answer) throws Exception {
        war.github.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(answer));
        return signIn();
    }

    HttpResponse<String> signIn() throws Exception {
        return SignInSteps.callback(browser, war.app.base(), SignInSteps.authorize(browser, war.app.base(), null), "the-code");
    }

    void assertCleanPage(HttpResponse<String> page) throws Exception {
        String body = page.body();
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "an HTML page");
        assertFalse(body.contains("at dev.octogate") || body.contains("Exception"), "no stack trace: " + body);
        assertFalse(body.contains("test-secret-value") || body.contains(GitHubMock.TOKEN) || body.contains("the-code"),
                "no secret, token or code");
        for (String line : logs.all()) {
            assertFalse(line.contains("test-secret-value") || line.contains(GitHubMock.TOKEN) || line.contains("the-code"),
                    "log line leaks a secret: " + line);
        }
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode(), "not signed in");
    }

    @Test
    void badVerificationCodeAsksToStartAgain() throws Exception {
        HttpResponse<String> page = signInWithTokenAnswer(okJson(
                "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}"));
        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("/login"), "offers to start again");
        assertCleanPage(page);
    }

    @Test
    void wrongClientCredentialsAreAnOperatorError() throws Exception {
        HttpResponse<String> page = signInWithTokenAnswer(okJson("{\"error\":\"incorrect_client_credentials\"}"));
        assertEquals(500, page.statusCode());
        assertCleanPage(page);
        assertTrue(logs.messages(Level.SEVERE).stream().anyMatch(l -> l.contains("incorrect_client_credentials")
                && l.contains("GITHUB_CLIENT_SECRET")), "an ERROR line naming the remedy: " + logs.all());
    }

    @Test
    void redirectUriMismatchIsAnOperatorError() throws Exception {
        HttpResponse<String> page = signInWithTokenAnswer(okJson("{\"error\":\"redirect_uri_mismatch\"}"));
        assertEquals(500, page.statusCode());
        assertCleanPage(page);
        assertTrue(logs.messages(Level.SEVERE).stream().anyMatch(l -> l.contains("APP_BASE_URL")), logs.all().toString());
    }

    @Test
    void unverifiedEmailIsTheUsersToFixNotAnOperatorError() throws Exception {
        HttpResponse<String> page = signInWithTokenAnswer(okJson("{\"error\":\"unverified_user_email\"}"));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("verify"), page.body());
        assertCleanPage(page);
        assertEquals(List.of(), logs.messages(Level.SEVERE));
    }

    @Test
    void timeoutIsA504() throws Exception {
        HttpResponse<String> page = signInWithTokenAnswer(okJson("{}").withFixedDelay(3000));
        assertEquals(504, page.statusCode());
        assertCleanPage(page);
        assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("timeout")), logs.all().toString());
    }

    @Test
    void slowDribblingBodyIsA504() throws Exception {
        // Its own GitHub: WireMock goes on dribbling after the app has given up, which would slow the others.
        try (GitHubMock dribbling = new GitHubMock();
             WarServer slowApp = WarServer.start("/", WarServer.settings(dribbling.uri(), "github.timeout-seconds", "1"))) {
            dribbling.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(okJson(
                    "{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\"}")
                    .withChunkedDribbleDelay(5, 4000)));
            URI authorize = TestBrowser.location(browser.get(URI.create(slowApp.base() + "/login")));
            String state = TestBrowser.query(authorize).get("state");
            long start = System.nanoTime();
            HttpResponse<String> page = browser.get(URI.create(slowApp.base() + "/callback?code=the-code&state=" + state));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(504, page.statusCode());
            assertTrue(millis < 3000, "cut off at the 1 s deadline, not after the 4 s body: " + millis + " ms");
        }
    }

    @Test
    void brokenAnswersAreA502() throws Exception {
        List<ResponseDefinitionBuilder> answers = List.of(
                aResponse().withStatus(502).withBody("bad gateway"),
                aResponse().withStatus(500),
                aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>unicorn</html>"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"access_tok"),
                aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("not json"),
                okJson("{\"token_type\":\"bearer\"}"),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                okJson("{\"access_token\":\"x\",\"padding\":\"" + "x".repeat(1 << 20) + "\"}"));
        for (ResponseDefinitionBuilder answer : answers) {
            war.github.server.resetAll();
            browser = new TestBrowser();
            HttpResponse<String> page = signInWithTokenAnswer(answer);
            assertEquals(502, page.statusCode(), "answer " + answer.build());
            assertCleanPage(page);
            war.github.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
        }
    }

    @Test
    void unreachableGitHubIsA502() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (WarServer offline = WarServer.start("/", WarServer.settings(URI.create("http://127.0.0.1:" + port)))) {
            URI authorize = TestBrowser.location(browser.get(URI.create(offline.base() + "/login")));
            String state = TestBrowser.query(authorize).get("state");
            HttpResponse<String> page = browser.get(URI.create(offline.base() + "/callback?code=c&state=" + state));
            assertEquals(502, page.statusCode());
            assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("connect")), logs.all().toString());
        }
    }

    @Test
    void rateLimitIsA503WithRetryAfter() throws Exception {
        HttpResponse<String> page = signInWithTokenAnswer(aResponse().withStatus(429).withHeader("Retry-After", "42"));
        assertEquals(503, page.statusCode());
        assertEquals("42", page.headers().firstValue("Retry-After").orElse(null));
        assertCleanPage(page);

        war.github.server.resetAll();
        war.github.happyPath();
        browser = new TestBrowser();
        long reset = System.currentTimeMillis() / 1000 + 120;
        war.github.server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", Long.toString(reset))));
        HttpResponse<String> userLimited = signIn();
        assertEquals(503, userLimited.statusCode());
        long retryAfter = Long.parseLong(userLimited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 60 && retryAfter <= 121, "Retry-After from the reset time: " + retryAfter);
    }

    @Test
    void providerErrorsOtherThanCancelAreClearPages() throws Exception {
        URI authorize = TestBrowser.location(browser.get(war.url("/login")));
        String state = TestBrowser.query(authorize).get("state");
        HttpResponse<String> page = browser.get(war.url("/callback?error=%3Cscript%3Ex%3C%2Fscript%3E&error_description=%3Cb%3E&state=" + state));
        assertTrue(page.statusCode() == 400 || page.statusCode() == 502, "status " + page.statusCode());
        assertFalse(page.body().contains("<script>x"), "escaped");
        assertTrue(page.body().contains("&lt;script&gt;"), page.body());
    }

    @Test
    void appStaysResponsiveWhileGitHubHangs() throws Exception {
        // Its own GitHub and app: the hanging answers must not slow the other tests' GitHub.
        try (GitHubMock hangingGitHub = new GitHubMock();
             WarServer slowApp = WarServer.start("/", WarServer.settings(hangingGitHub.uri(), "github.timeout-seconds", "1"))) {
            hangingGitHub.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                    .willReturn(okJson("{}").withFixedDelay(3000)));
            ExecutorService pool = Executors.newFixedThreadPool(40);
            try {
                List<CompletableFuture<Integer>> hanging = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    TestBrowser user = new TestBrowser();
                    URI authorize = TestBrowser.location(user.get(URI.create(slowApp.base() + "/login")));
                    String state = TestBrowser.query(authorize).get("state");
                    hanging.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return user.get(URI.create(slowApp.base() + "/callback?code=c&state=" + state)).statusCode();
                        } catch (Exception e) {
                            return -1;
                        }
                    }, pool));
                }
                Thread.sleep(300);
                long start = System.nanoTime();
                HttpResponse<String> health = new TestBrowser().get(URI.create(slowApp.base() + "/health"), "application/json");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, health.statusCode());
                assertTrue(millis < 900, "health answered while 40 sign-ins wait on GitHub, in " + millis + " ms");
                for (CompletableFuture<Integer> f : hanging) {
                    assertEquals(504, f.get(), "each waiting sign-in ends with a 504 after the 1 s timeout");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A GitHub that misbehaves at the HTTP level; the app in front of it, timeout 1 s. */
    static HostileGitHub hostile;
    static WarServer hostileApp;

    @AfterAll
    static void stopHostile() throws Exception {
        if (hostileApp != null) {
            hostileApp.close();
        }
        if (hostile != null) {
            hostile.close();
        }
    }

    static int statusFor(HostileGitHub.Mode mode) {
        return switch (mode) {
            case TRICKLING_HEADERS, TRICKLING_BODY -> 504;
            default -> 502;
        };
    }

    /**
     * Each way a hostile GitHub can answer the code exchange ends the callback with its clear page
     * and status, within the timeout and a second, and the next sign-in works: the shared client is
     * as good as before.
     */
    @ParameterizedTest
    @EnumSource(value = HostileGitHub.Mode.class, mode = EnumSource.Mode.EXCLUDE, names = "NORMAL")
    void aHostileGitHubGetsAClearPageAndTheNextSignInWorks(HostileGitHub.Mode mode) throws Exception {
        if (hostile == null) {
            hostile = new HostileGitHub();
            hostileApp = WarServer.start("/", WarServer.settings(hostile.uri(), "github.timeout-seconds", "1"));
            assertTrue(hostileApp.available());
        }
        hostile.mode(mode);
        TestBrowser user = new TestBrowser();
        URI authorize = SignInSteps.authorize(user, hostileApp.base(), null);
        long start = System.nanoTime();
        HttpResponse<String> page = SignInSteps.callback(user, hostileApp.base(), authorize, "the-code");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(statusFor(mode), page.statusCode(), mode + ": " + page.body());
        assertTrue(millis < 2000, mode + " answered after " + millis + " ms");
        assertFalse(page.body().contains("Exception") || page.body().contains("at dev.octogate"), page.body());

        hostile.mode(HostileGitHub.Mode.NORMAL);
        TestBrowser next = new TestBrowser();
        assertEquals(302, SignInSteps.callback(next, hostileApp.base(), SignInSteps.authorize(next, hostileApp.base(), null),
                "another-code").statusCode(), "the next sign-in works");
        assertEquals(200, next.get(URI.create(hostileApp.base() + "/api/me"), "application/json").statusCode());
    }

    /**
     * However many calls a callback makes (here a code, the user and organisations page after page,
     * each answered just within the 1 s timeout), it answers within 3 × the timeout.
     */
    @Test
    void aCallbackAnswersWithinThreeTimesTheTimeout() throws Exception {
        try (GitHubMock slow = new GitHubMock();
             WarServer app = WarServer.start("/", WarServer.settings(slow.uri(), "github.timeout-seconds", "1",
                     "github.allowed-orgs", "elsewhere", "github.scope", "read:org"))) {
            slow.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(okJson(
                    "{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"read:org\"}")
                    .withFixedDelay(800)));
            slow.server.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(GitHubMock.USER_JSON).withFixedDelay(800)));
            slow.server.stubFor(get(urlPathEqualTo("/user/orgs")).willReturn(okJson("[{\"login\":\"github\"}]")
                    .withHeader("Link", "<" + slow.uri() + "/user/orgs?page=2>; rel=\"next\"").withFixedDelay(800)));
            TestBrowser user = new TestBrowser();
            URI authorize = SignInSteps.authorize(user, app.base(), null);
            long start = System.nanoTime();
            HttpResponse<String> page = SignInSteps.callback(user, app.base(), authorize, "the-code");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(504, page.statusCode(), page.body());
            assertTrue(millis < 3500, "answered after " + millis + " ms, 3 × the timeout is 3 s");
        }
    }

    /** Text from the request and from GitHub reaches the log as one printable line. */
    @Test
    void unicodeLineBreaksAndBidiOverridesNeverReachTheLog() throws Exception {
        war.github.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).willReturn(okJson(
                "{\"error\":\"unsupported\\u2028grant\",\"error_description\":\"evil\\u202etxt.exe\\u0085INFO: forged\"}")));
        assertEquals(502, signIn().statusCode());
        URI authorize = SignInSteps.authorize(browser, war.app.base(), null);
        String state = TestBrowser.query(authorize).get("state");
        assertEquals(400, browser.get(URI.create(war.app.base() + "/callback?state=" + state
                + "&error=temporarily%E2%80%A8unavailable&error_description=a%C2%85b%E2%80%AEc%E2%81%A6d")).statusCode());
        List<String> lines = logs.all();
        assertTrue(lines.stream().anyMatch(l -> l.contains("forged")), lines.toString());
        for (String line : lines) {
            assertTrue(line.chars().noneMatch(c -> c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0x202e
                    || c == 0x2066 || c == '\n' || c == '\r'), "unclean: " + line);
        }
    }
}
