package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.octogate.testing.ClaSteps;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.TomcatWarServer;
import dev.octogate.testing.WarServer;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged WAR file on both containers the README names, each at the root and under a context
 * path: embedded Tomcat 10.1 ({@link TomcatWarServer}) and embedded Jetty 12 ({@link WarServer}),
 * GitHub mocked. Nothing container-specific is configured for the app: the same WAR and the same
 * settings (as context parameters) must give the same answers everywhere.
 *
 * <p>Each of the four deployments is started on first use and shared by the tests (stopped after
 * all); every test runs on all four.
 */
class ContainersIT {

    enum Container { TOMCAT, JETTY }

    /** What a test needs of a deployment, whichever container runs it. */
    interface Deployment extends AutoCloseable {
        URI base();

        String contextPath();

        boolean available();

        /** The webapp's class loader where the helper exposes it (Tomcat), else null. */
        ClassLoader webappClassLoader();
    }

    static Stream<Arguments> containers() {
        return Stream.of(arguments(Container.TOMCAT, "/"), arguments(Container.TOMCAT, "/cla"),
                arguments(Container.JETTY, "/"), arguments(Container.JETTY, "/cla"));
    }

    static GitHubMock github;
    static final Map<String, Deployment> deployments = new LinkedHashMap<>();
    Deployment app;
    TestBrowser browser;

    @BeforeAll
    static void startGitHub() {
        github = new GitHubMock();
    }

    @AfterAll
    static void stopAll() throws Exception {
        Exception failure = null;
        for (Deployment deployment : deployments.values()) {
            try {
                deployment.close();
            } catch (Exception e) {
                failure = e;
            }
        }
        deployments.clear();
        if (github != null) {
            github.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @BeforeEach
    void fresh() {
        github.server.resetAll();
        github.happyPath();
        browser = new TestBrowser();
    }

    /** The deployment of the WAR on this container at this context path, started on first use. */
    void on(Container container, String contextPath) throws Exception {
        String key = container + " " + contextPath;
        Deployment deployment = deployments.get(key);
        if (deployment == null) {
            deployment = deploy(container, contextPath);
            deployments.put(key, deployment);
        }
        app = deployment;
        assertTrue(app.available(), container + " deployed the WAR at " + contextPath
                + " (see the container's log above for why not)");
    }

    private static Deployment deploy(Container container, String contextPath) throws Exception {
        Map<String, String> settings = WarServer.settings(github.uri(), "app.admins", "octocat");
        if (container == Container.TOMCAT) {
            TomcatWarServer server = TomcatWarServer.start(contextPath, settings);
            return new Deployment() {
                public URI base() { return server.base(); }
                public String contextPath() { return server.contextPath(); }
                public boolean available() { return server.available(); }
                public ClassLoader webappClassLoader() { return server.webappClassLoader(); }
                public void close() throws Exception { server.close(); }
            };
        }
        WarServer server = WarServer.start(contextPath, settings);
        return new Deployment() {
            public URI base() { return server.base(); }
            public String contextPath() { return server.contextPath(); }
            public boolean available() { return server.available(); }
            public ClassLoader webappClassLoader() { return null; }
            public void close() throws Exception { server.close(); }
        };
    }

    URI url(String path) {
        return URI.create(app.base() + path);
    }

    /** The path a Location header must carry for a path of the app. */
    String path(String appPath) {
        return app.contextPath() + appPath;
    }

    @ParameterizedTest(name = "{0} at \"{1}\"")
    @MethodSource("containers")
    void theWarDeploysAndItsInitializerRuns(Container container, String contextPath) throws Exception {
        on(container, contextPath);
        HttpResponse<String> health = browser.get(url("/health"), "application/json");
        assertEquals(200, health.statusCode(), "the initializer registered /health");
        assertEquals("{\"status\":\"UP\"}", health.body());
    }

    @ParameterizedTest(name = "TOMCAT at \"{0}\"")
    @ValueSource(strings = {"/", "/cla"})
    void tomcatWebappSeesOnlyTheWarsClassesAndTomcat(String contextPath) throws Exception {
        on(Container.TOMCAT, contextPath);
        ClassLoader webapp = app.webappClassLoader();
        assertSame(webapp, webapp.loadClass("dev.octogate.web.OctogateInitializer").getClassLoader(),
                "Octogate comes from WEB-INF/classes");
        assertSame(webapp, webapp.loadClass("org.glassfish.jersey.client.JerseyClient").getClassLoader(),
                "Jersey comes from WEB-INF/lib");
        assertSame(webapp, webapp.loadClass("org.eclipse.yasson.YassonJsonb").getClassLoader(),
                "Yasson comes from WEB-INF/lib");
        assertSame(jakarta.servlet.Servlet.class, webapp.loadClass("jakarta.servlet.Servlet"), "the container's Servlet API");
        assertThrows(ClassNotFoundException.class, () -> webapp.loadClass("com.github.tomakehurst.wiremock.WireMockServer"),
                "the test class path is hidden");
        assertThrows(ClassNotFoundException.class, () -> webapp.loadClass("dev.octogate.testing.WarServer"),
                "test classes are hidden");
        List<URL> initializers = Collections.list(
                webapp.getResources("META-INF/services/jakarta.servlet.ServletContainerInitializer"));
        assertEquals(1, initializers.size(), "only the WAR's initializer is visible: " + initializers);
        assertTrue(initializers.get(0).toString().contains("/WEB-INF/classes/META-INF/services/"), initializers.toString());
    }

    @ParameterizedTest(name = "{0} at \"{1}\"")
    @MethodSource("containers")
    void fullSignInFromAProtectedPageAndBack(Container container, String contextPath) throws Exception {
        on(container, contextPath);
        HttpResponse<String> first = browser.get(url("/api/me?x=1&y=2"));
        assertEquals(302, first.statusCode(), "a browser navigation to a protected page goes to sign-in");
        URI login = TestBrowser.location(first);
        assertEquals(path("/login"), login.getPath());
        assertEquals("/api/me?x=1&y=2", TestBrowser.query(login).get("next"));

        HttpResponse<String> toGitHub = browser.get(login);
        assertEquals(302, toGitHub.statusCode(), toGitHub.body());
        assertCookie(toGitHub, "octogate" + app.contextPath().replace('/', '-') + "-signin-",
                "the pending sign-in's cookie");
        assertTrue(toGitHub.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
                "/login creates no session");
        URI authorize = TestBrowser.location(toGitHub);
        assertEquals(github.uri().getAuthority(), authorize.getAuthority());
        assertEquals("/login/oauth/authorize", authorize.getPath());
        Map<String, String> q = TestBrowser.query(authorize);
        assertEquals("test-client", q.get("client_id"));
        assertEquals(app.base() + "/callback", q.get("redirect_uri"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertNotNull(q.get("state"));

        HttpResponse<String> back = browser.get(url("/callback?code=the-code&state=" + q.get("state")));
        assertEquals(302, back.statusCode(), back.body());
        assertEquals(path("/api/me?x=1&y=2"), back.headers().firstValue("Location").orElseThrow());
        assertCookie(back, "JSESSIONID=", "the signed-in session's cookie");
        assertEquals("no-referrer", back.headers().firstValue("Referrer-Policy").orElse(null));

        HttpResponse<String> next = browser.get(TestBrowser.location(back));
        assertEquals(200, next.statusCode());
        assertTrue(next.body().contains("\"login\":\"octocat\""), next.body());

        HttpResponse<String> index = browser.get(url("/"));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("Hello octocat!"), index.body());
        assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body().contains("href=\"" + path("/static/octogate.css") + "\""),
                "the page links the stylesheet inside the context path");

        HttpResponse<String> me = browser.get(url("/api/me"), "application/json");
        assertEquals(200, me.statusCode());
        assertTrue(me.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(me.body().contains("\"login\":\"octocat\""), me.body());
        assertTrue(me.body().contains("\"id\":583231"), me.body());
        assertTrue(me.body().contains("\"html_url\":\"https://github.com/octocat\""), me.body());
        assertFalse(me.body().contains(GitHubMock.TOKEN), "no token in the API answer");
    }

    @ParameterizedTest(name = "{0} at \"{1}\"")
    @MethodSource("containers")
    void signOutByPostWithTheFormsToken(Container container, String contextPath) throws Exception {
        on(container, contextPath);
        signIn();
        String page = browser.get(url("/")).body();
        String csrf = TestBrowser.csrfToken(page);

        HttpResponse<String> forged = browser.postForm(url("/logout"), Map.of("csrf", "wrong"), TestBrowser.HTML);
        assertEquals(403, forged.statusCode(), "a wrong token does not sign out");
        assertEquals(200, browser.get(url("/api/me"), "application/json").statusCode());

        HttpResponse<String> out = browser.postForm(url("/logout"), Map.of("csrf", csrf), TestBrowser.HTML);
        assertEquals(303, out.statusCode(), out.body());
        assertEquals(path("/signed-out"), out.headers().firstValue("Location").orElseThrow());
        assertEquals("\"cache\", \"storage\"", out.headers().firstValue("Clear-Site-Data").orElse(null));

        HttpResponse<String> signedOut = browser.get(TestBrowser.location(out));
        assertEquals(200, signedOut.statusCode());
        assertTrue(signedOut.body().contains("You are signed out"), signedOut.body());
        assertEquals(401, browser.get(url("/api/me"), "application/json").statusCode(), "signed out");
    }

    @ParameterizedTest(name = "{0} at \"{1}\"")
    @MethodSource("containers")
    void apiCallsWithoutSessionGet401Json(Container container, String contextPath) throws Exception {
        on(container, contextPath);
        HttpResponse<String> api = browser.get(url("/api/me"), "application/json");
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(api.body().contains("\"error\":\"unauthenticated\""), api.body());
        assertTrue(api.body().contains("\"login_url\":\"" + path("/login") + "\""), api.body());
        assertTrue(api.headers().firstValue("Location").isEmpty(), "never a redirect");

        HttpResponse<String> post = browser.postForm(url("/"), Map.of(), TestBrowser.HTML);
        assertEquals(401, post.statusCode(), "non-GET is never redirected");
        assertTrue(post.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @ParameterizedTest(name = "{0} at \"{1}\"")
    @MethodSource("containers")
    void staticFilesArePublic(Container container, String contextPath) throws Exception {
        on(container, contextPath);
        HttpResponse<String> css = browser.get(url("/static/octogate.css"), "text/css,*/*;q=0.1");
        assertEquals(200, css.statusCode(), css.body());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
                css.headers().firstValue("Content-Type").orElse("no Content-Type"));
        assertFalse(css.body().isBlank());
        assertEquals("nosniff", css.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(200, browser.get(url("/static/favicon.svg"), "image/*").statusCode());
    }

    @ParameterizedTest(name = "{0} at \"{1}\"")
    @MethodSource("containers")
    void anAgreementIsPublishedAndSignedAndItsReceiptHashesRight(Container container, String contextPath)
            throws Exception {
        on(container, contextPath);
        signIn();
        String slug = "on-" + container.name().toLowerCase(Locale.ROOT) + (contextPath.equals("/") ? "-root" : "-cla");
        String text = "# Agreement\r\n\nSigned on " + container + ".\r\n";
        ClaSteps.create(browser, app.base(), slug, text);
        String id = ClaSteps.sign(browser, app.base(), slug, "1");
        HttpResponse<String> receipt = browser.get(url("/signatures/" + id + ".txt"), "*/*");
        assertEquals(200, receipt.statusCode(), receipt.body());
        String body = receipt.body();
        String signed = body.substring(body.indexOf("\n\n") + 2);
        assertEquals("# Agreement\n\nSigned on " + container + ".\n", signed, "the text as published, LF line endings");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(body.contains("\nText-SHA256: " + sha + "\n"), body);
        assertTrue(browser.get(url("/agreements/" + slug)).body().contains(sha));
    }

    private void signIn() throws Exception {
        URI authorize = TestBrowser.location(browser.get(url("/login")));
        String state = TestBrowser.query(authorize).get("state");
        HttpResponse<String> back = browser.get(url("/callback?code=c&state=" + state));
        assertEquals(302, back.statusCode(), back.body());
    }

    /** The response sets the session cookie: HttpOnly, SameSite=Lax, scoped to the context path, not Secure over http. */
    /** The response sets one cookie whose name starts so, with the app's cookie attributes over plain http. */
    private void assertCookie(HttpResponse<?> response, String name, String what) {
        List<String> sessionCookies = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name) && !c.toLowerCase(Locale.ROOT).contains("max-age=0")).toList();
        assertEquals(1, sessionCookies.size(), what + ": one such cookie, got " + response.headers().allValues("Set-Cookie"));
        String header = sessionCookies.get(0);
        String lower = header.toLowerCase(Locale.ROOT);
        assertTrue(lower.matches(".*;\\s*httponly(;.*|$)"), what + " is HttpOnly: " + header);
        List<String> sameSite = Stream.of(header.split(";")).map(String::trim)
                .filter(a -> a.toLowerCase(Locale.ROOT).startsWith("samesite=")).toList();
        assertEquals(List.of("SameSite=Lax"), sameSite, what + " has SameSite=Lax once: " + header);
        assertFalse(lower.matches(".*;\\s*secure(;.*|$)"), what + " is not Secure over plain http: " + header);
        HttpCookie cookie = HttpCookie.parse(header).get(0);
        String expectedPath = app.contextPath().isEmpty() ? "/" : app.contextPath();
        assertTrue(cookie.getPath().equals(expectedPath) || cookie.getPath().equals(expectedPath + "/"),
                what + " is scoped to the context path: " + header);
        assertFalse(response.headers().firstValue("Location").orElse("").contains(";jsessionid"),
                "no session id in a URL");
    }
}
