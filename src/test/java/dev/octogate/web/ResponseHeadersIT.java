package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.RawHttp;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** "Every response" (docs/sign-in.md): security headers, the session cookie, error pages, /health and /static. */
class ResponseHeadersIT {

    static final String SECRET = "sup3r-s3cret-value";

    static GitHubMock github;
    static WarServer app;
    /** Behind a TLS-terminating proxy: APP_BASE_URL is https, the container sees plain http. */
    static WarServer proxied;

    /** Responses of one signed-in and one anonymous browser, by a readable name. */
    static final Map<String, HttpResponse<String>> RESPONSES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        github = new GitHubMock().happyPath();
        app = WarServer.start("/cla", WarServer.settings(github.uri(), "github.client-secret", SECRET));
        assertTrue(app.available(), "the WAR deployed");
        proxied = WarServer.start("/cla", WarServer.settings(github.uri(), "github.client-secret", SECRET,
                "app.base-url", "https://cla.example.org/cla"));
        assertTrue(proxied.available(), "the WAR deployed with a base URL");

        TestBrowser anonymous = new TestBrowser();
        RESPONSES.put("anonymous GET /login", anonymous.get(url("/login")));
        RESPONSES.put("anonymous GET /callback (bad state)", anonymous.get(url("/callback?code=c&state=made-up")));
        RESPONSES.put("anonymous GET /", anonymous.get(url("/")));
        RESPONSES.put("anonymous GET /api/me", anonymous.get(url("/api/me"), "application/json"));
        RESPONSES.put("anonymous GET /health", anonymous.get(url("/health"), "application/json"));
        RESPONSES.put("anonymous GET /signed-out", anonymous.get(url("/signed-out")));
        RESPONSES.put("anonymous GET /static/octogate.css", anonymous.get(url("/static/octogate.css"), "text/css,*/*;q=0.1"));

        TestBrowser signedIn = new TestBrowser();
        RESPONSES.put("signed-in GET /callback", SignInSteps.signIn(signedIn, app.base()));
        RESPONSES.put("signed-in GET /", signedIn.get(url("/")));
        RESPONSES.put("signed-in GET /api/me", signedIn.get(url("/api/me"), "application/json"));
        RESPONSES.put("signed-in GET /health", signedIn.get(url("/health"), "application/json"));
        RESPONSES.put("signed-in GET /signed-out", signedIn.get(url("/signed-out")));
        RESPONSES.put("signed-in GET /static/octogate.css", signedIn.get(url("/static/octogate.css"), "text/css,*/*;q=0.1"));
        RESPONSES.put("signed-in GET /login", signedIn.get(url("/login")));

        assertEquals(200, RESPONSES.get("signed-in GET /").statusCode(), "signed in");
        assertEquals(200, RESPONSES.get("signed-in GET /api/me").statusCode(), "signed in");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (proxied != null) {
            proxied.close();
        }
        github.close();
    }

    @BeforeEach
    void happyGitHub() {
        github.server.resetAll();
        github.happyPath();
    }

    static URI url(String path) {
        return URI.create(app.base() + path);
    }

    static Stream<String> allResponses() {
        return RESPONSES.keySet().stream();
    }

    /** /login, /callback and every protected page, whether signed in or not. */
    static Stream<String> mustNotBeStored() {
        return RESPONSES.keySet().stream().filter(name -> name.contains("/login") || name.contains("/callback")
                || name.endsWith(" /") || name.endsWith("/api/me"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allResponses")
    void noSniffingAndNoFraming(String name) {
        HttpResponse<String> response = RESPONSES.get(name);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), name);
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'"), name + ": CSP was '" + csp + "'");
    }

    /**
     * Only HTML pages may load anything (their stylesheet and the avatar); JSON, static files and
     * redirects load nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allResponses")
    void onlyPagesMayLoadAnything(String name) {
        HttpResponse<String> response = RESPONSES.get(name);
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        boolean page = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        if (page) {
            assertTrue(csp.contains("style-src 'self'") && csp.contains("img-src 'self' https: " + github.uri()),
                    name + ": CSP was '" + csp + "'");
        } else {
            assertEquals("default-src 'none'; frame-ancestors 'none'", csp, name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allResponses")
    void referrerPolicyIsNoReferrerOnCallbackAndSameOriginOrStricterElsewhere(String name) {
        List<String> policies = RESPONSES.get(name).headers().allValues("Referrer-Policy");
        assertEquals(1, policies.size(), name + ": exactly one Referrer-Policy, got " + policies);
        if (name.contains("/callback")) {
            assertEquals("no-referrer", policies.get(0), name);
        } else {
            assertTrue(List.of("same-origin", "no-referrer").contains(policies.get(0)), name + ": " + policies);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustNotBeStored")
    void signInStepsAndProtectedPagesAreNotStored(String name) {
        String cacheControl = RESPONSES.get(name).headers().firstValue("Cache-Control").orElse("");
        assertTrue(Arrays.stream(cacheControl.split(",")).map(String::trim).anyMatch("no-store"::equalsIgnoreCase),
                name + ": Cache-Control was '" + cacheControl + "'");
    }

    @Test
    void cookiesAreHttpOnlyAndLaxButNotSecureOverPlainHttp() throws Exception {
        HttpResponse<String> login = new TestBrowser().get(url("/login"));
        assertEquals(302, login.statusCode());
        List<String> attributes = cookie(login.headers().allValues("Set-Cookie"), "octogate-cla-signin-");
        assertTrue(has(attributes, "HttpOnly"), attributes.toString());
        assertTrue(has(attributes, "SameSite=Lax"), attributes.toString());
        assertFalse(has(attributes, "Secure"), "not Secure over http without APP_BASE_URL: " + attributes);
        assertEquals(Optional.of("Path=/cla"), attributes.stream().filter(a -> a.startsWith("Path=")).findFirst());
        assertEquals(Optional.of("Max-Age=600"), attributes.stream().filter(a -> a.startsWith("Max-Age=")).findFirst(),
                "a pending sign-in lives ten minutes");
        assertTrue(login.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
                "no session before signing in");

        List<String> session = sessionCookie(RESPONSES.get("signed-in GET /callback").headers().allValues("Set-Cookie"));
        assertEquals(Optional.of("Path=/cla"), session.stream().filter(a -> a.startsWith("Path=")).findFirst());
        assertFalse(has(session, "Secure"), session.toString());
    }

    @Test
    void theRenewedSessionCookieAtSignInHasTheSameFlags() {
        HttpResponse<String> callback = RESPONSES.get("signed-in GET /callback");
        List<String> attributes = sessionCookie(callback.headers().allValues("Set-Cookie"));
        assertTrue(has(attributes, "HttpOnly"), attributes.toString());
        assertTrue(has(attributes, "SameSite=Lax"), attributes.toString());
        assertFalse(has(attributes, "Secure"), attributes.toString());
    }

    @Test
    void behindAnHttpsProxyTheCookiesAreHostCookiesAndRedirectUriUsesTheBaseUrl() throws Exception {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> login = browser.get(URI.create(proxied.base() + "/login"));
        assertEquals(302, login.statusCode());
        List<String> attributes = cookie(login.headers().allValues("Set-Cookie"), "__Host-octogate-cla-signin-");
        assertTrue(has(attributes, "Secure"), attributes.toString());
        assertTrue(has(attributes, "HttpOnly"), attributes.toString());
        assertTrue(has(attributes, "SameSite=Lax"), attributes.toString());
        assertEquals(Optional.of("Path=/"), attributes.stream().filter(a -> a.startsWith("Path=")).findFirst(),
                "__Host- cookies are for the whole host");
        assertTrue(attributes.stream().noneMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("domain=")), attributes.toString());
        URI authorize = TestBrowser.location(login);
        assertEquals("https://cla.example.org/cla/callback", TestBrowser.query(authorize).get("redirect_uri"));

        HttpResponse<String> guarded = browser.get(URI.create(proxied.base() + "/api/me"));
        assertEquals(302, guarded.statusCode());
        assertEquals("/cla/login?next=%2Fapi%2Fme", guarded.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void behindAnHttpsProxyTheWholeSignInKeepsItsCookiesHostCookies() throws Exception {
        RawHttp.Response login = RawHttp.get(proxied.port(), "/cla/login", "Accept", TestBrowser.HTML);
        assertEquals(302, login.status(), login.toString());
        String pending = login.headers("Set-Cookie").stream().filter(c -> c.startsWith("__Host-octogate-cla-signin-"))
                .findFirst().orElseThrow(() -> new AssertionError("no pending sign-in cookie:\n" + login));
        String state = TestBrowser.query(URI.create(login.header("Location").orElseThrow())).get("state");

        RawHttp.Response callback = RawHttp.get(proxied.port(), "/cla/callback?code=c&state=" + state,
                "Accept", TestBrowser.HTML, "Cookie", pending.substring(0, pending.indexOf(';')));
        assertEquals(302, callback.status(), callback.toString());
        assertEquals("/cla/", callback.header("Location").orElseThrow());
        assertEquals("no-referrer", callback.header("Referrer-Policy").orElse(null));
        List<String> attributes = cookie(callback.headers("Set-Cookie"), "__Host-octogate-cla-session=");
        assertTrue(has(attributes, "Secure"), "the session cookie is Secure too: " + attributes);
        assertTrue(has(attributes, "HttpOnly"), attributes.toString());
        assertTrue(has(attributes, "SameSite=Lax"), attributes.toString());
        assertEquals(Optional.of("Path=/"), attributes.stream().filter(a -> a.startsWith("Path=")).findFirst());
        assertTrue(callback.headers("Set-Cookie").stream().anyMatch(c -> c.startsWith(pending.substring(0,
                pending.indexOf('=') + 1)) && c.contains("Max-Age=0")), "the used pending sign-in is deleted: " + callback);
        String signedIn = attributes.get(0).substring("__Host-octogate-cla-session=".length());

        RawHttp.Response me = RawHttp.get(proxied.port(), "/cla/api/me", "Accept", "application/json",
                "Cookie", "__Host-octogate-cla-session=" + signedIn);
        assertEquals(200, me.status(), me.toString());
        assertTrue(me.body().contains("\"login\":\"octocat\""), me.toString());
        assertTrue(me.header("Cache-Control").orElse("").contains("no-store"), me.toString());
    }

    @Test
    void aMalformedQueryIsABadRequestNotAServerError() throws Exception {
        TestBrowser browser = new TestBrowser();
        SignInSteps.signIn(browser, app.base());
        String cookie = "JSESSIONID=" + browser.sessionId();
        try (LogCapture capture = LogCapture.of("dev.octogate")) {
            RawHttp.Response callback = RawHttp.get(app.port(), "/cla/callback?code=%zz&state=x", "Accept", TestBrowser.HTML);
            RawHttp.Response login = RawHttp.get(app.port(), "/cla/login?next=%zz", "Accept", TestBrowser.HTML);
            RawHttp.Response logout = RawHttp.post(app.port(), "/cla/logout", "csrf=%zz",
                    "Accept", TestBrowser.HTML, "Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded");
            List<String> severe = capture.records().stream()
                    .filter(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(r -> r.getMessage()).toList();
            assertAll(
                    () -> assertEquals(400, callback.status(), "a callback that matches no pending sign-in is a 400:\n" + callback),
                    () -> assertTrue(callback.body().contains("/cla/login"), "offers to start again:\n" + callback),
                    () -> assertTrue(login.status() == 400 || login.status() == 302, "400, or sign-in with next=/:\n" + login),
                    () -> assertTrue(logout.status() == 400 || logout.status() == 403, "a refused sign-out:\n" + logout),
                    () -> assertEquals(List.of(), severe, "a client's mistake is not a SEVERE server failure"));
        }
        assertEquals(200, browser.get(url("/api/me"), "application/json").statusCode(), "still signed in");
    }

    @Test
    void errorPagesShowNoStackTraceTokenOrSecret() throws Exception {
        List<String> log;
        try (LogCapture capture = LogCapture.of("dev.octogate")) {
            Map<String, Object> errors = new LinkedHashMap<>();
            TestBrowser browser = new TestBrowser();
            errors.put("callback without state", browser.get(url("/callback?code=c")));
            errors.put("callback with bad state", RESPONSES.get("anonymous GET /callback (bad state)"));
            errors.put("callback with escaped junk", browser.get(url(
                    "/callback?code=c&state=%3Cscript%3Ex%3C%2Fscript%3E&error=%3Cb%3Ebad")));
            errors.put("path refused", RawHttp.get(app.port(), "/cla/api/me;x", "Accept", TestBrowser.HTML));
            errors.put("path refused (API)", RawHttp.get(app.port(), "/cla/api/me;x", "Accept", "application/json"));
            errors.put("unauthenticated API", RESPONSES.get("anonymous GET /api/me"));

            URI authorize = TestBrowser.location(SignInSteps.login(browser, app.base()));
            String state = TestBrowser.query(authorize).get("state");
            errors.put("access denied", browser.get(url("/callback?error=access_denied&state=" + state)));

            authorize = TestBrowser.location(SignInSteps.login(browser, app.base()));
            github.stubToken("{\"error\":\"incorrect_client_credentials\",\"error_description\":"
                    + "\"The client_id and/or client_secret passed are incorrect.\"}");
            HttpResponse<String> operatorMistake = browser.get(url("/callback?code=c&state="
                    + TestBrowser.query(authorize).get("state")));
            assertEquals(500, operatorMistake.statusCode(), operatorMistake.body());
            errors.put("incorrect client credentials", operatorMistake);

            github.server.resetAll();
            github.stubToken("{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\"}");
            github.server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/user"))
                    .willReturn(WireMock.aResponse().withStatus(500).withBody("java.lang.IllegalStateException: boom "
                            + SECRET + " " + GitHubMock.TOKEN)));
            authorize = TestBrowser.location(SignInSteps.login(browser, app.base()));
            HttpResponse<String> githubDown = browser.get(url("/callback?code=c&state="
                    + TestBrowser.query(authorize).get("state")));
            assertEquals(502, githubDown.statusCode(), githubDown.body());
            errors.put("GitHub /user fails", githubDown);

            github.happyPath();
            TestBrowser signedIn = new TestBrowser();
            SignInSteps.signIn(signedIn, app.base());
            HttpResponse<String> notFound = signedIn.get(url("/no-such-page"));
            assertEquals(404, notFound.statusCode());
            errors.put("container 404", notFound);

            errors.forEach((name, response) -> {
                int status = response instanceof HttpResponse<?> h ? h.statusCode() : ((RawHttp.Response) response).status();
                String body = response instanceof HttpResponse<?> h ? (String) h.body() : ((RawHttp.Response) response).body();
                assertTrue(status >= 400, name + ": an error, got " + status);
                assertFalse(body.contains("at dev.octogate"), name + ": stack trace in\n" + body);
                assertFalse(body.contains("Exception"), name + ": exception in\n" + body);
                assertFalse(body.contains("\tat "), name + ": stack trace in\n" + body);
                assertFalse(body.contains(SECRET), name + ": secret in\n" + body);
                assertFalse(body.contains(GitHubMock.TOKEN), name + ": token in\n" + body);
                assertFalse(body.contains("<script>"), name + ": unescaped request text in\n" + body);
            });
            log = capture.lines();
        }
        for (String line : log) {
            assertFalse(line.contains(SECRET), "secret logged: " + line);
            assertFalse(line.contains(GitHubMock.TOKEN), "token logged: " + line);
        }
    }

    @Test
    void healthIsUpAndCreatesNoSession() throws Exception {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> health = browser.get(url("/health"), "application/json");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body().trim());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(List.of(), health.headers().allValues("Set-Cookie"), "no session cookie");
        assertNull(browser.sessionId());

        HttpResponse<String> asBrowser = browser.get(url("/health"));
        assertEquals(200, asBrowser.statusCode(), "a browser is not sent to sign in");
        assertEquals(List.of(), asBrowser.headers().allValues("Set-Cookie"), "no session cookie");
    }

    @Test
    void staticFilesArePublic() throws Exception {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> css = browser.get(url("/static/octogate.css"));
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
                css.headers().firstValue("Content-Type").orElse("(none)"));
        assertFalse(css.body().isBlank());
        assertEquals(200, browser.get(url("/static/favicon.svg")).statusCode());
        HttpResponse<String> api = browser.get(url("/static/octogate.css"), "application/json");
        assertEquals(200, api.statusCode(), "not a 401 for non-browsers either");
    }

    static List<String> sessionCookie(List<String> setCookies) {
        return cookie(setCookies, "JSESSIONID=");
    }

    /** The attributes of the first cookie set whose name starts so (its name=value first). */
    static List<String> cookie(List<String> setCookies, String name) {
        String cookie = setCookies.stream().filter(c -> c.startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + "… in " + setCookies));
        assertNotNull(cookie);
        return Arrays.stream(cookie.split(";")).map(String::trim).toList();
    }

    static String cookieValue(RawHttp.Response response) {
        String cookie = response.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie:\n" + response));
        return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
    }

    static boolean has(List<String> attributes, String attribute) {
        return attributes.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(attribute.toLowerCase(Locale.ROOT)));
    }
}
