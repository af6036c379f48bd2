package dev.octogate.web.http;

import static dev.octogate.web.http.Access.ADMIN;
import static dev.octogate.web.http.Access.ANYONE;
import static dev.octogate.web.http.Access.SIGNED_IN;
import static dev.octogate.web.http.Route.get;
import static dev.octogate.web.http.Route.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.config.Secret;
import dev.octogate.crypto.Keys;
import dev.octogate.github.GitHubUser;
import dev.octogate.github.OAuthApp;
import dev.octogate.github.UserApi;
import dev.octogate.signin.AllowLists;
import dev.octogate.signin.SessionRevalidation;
import dev.octogate.signin.SignInSettings;
import dev.octogate.signin.SignedInSessions;
import dev.octogate.signin.SignedInUser;
import dev.octogate.testing.TestBrowser;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route table's rules in a servlet container, with routes of every kind this test declares
 * (the app's own table has no admin page or form route beyond sign-out yet): the guard's three
 * answers, the one anti-CSRF check, path parameters, {@code 405}, the error boundary. Sessions
 * are signed in by a test route, so GitHub is never involved.
 */
class RoutingIT {

    static final SignedInSessions SESSIONS = new SignedInSessions(
            Keys.from(List.of(), new Secret("routing-test-secret")).sealer("session"));
    static Server server;
    static URI base;
    TestBrowser browser;

    /** A session signed in as octocat (admin or not), checked with GitHub next in an hour. */
    static void signInAs(Exchange exchange) {
        boolean admin = "true".equals(exchange.parameter("admin"));
        SignedInUser user = new SignedInUser(new GitHubUser("octocat", 583231, null, null, null), "gho_token",
                List.of(), null, null, null, Instant.now(), Instant.now().plus(Duration.ofHours(1)), "the-csrf-token",
                admin);
        SESSIONS.store(HttpSessionAttributes.lazy(exchange.request()), user);
        exchange.response().setStatus(204);
    }

    @BeforeAll
    static void start() throws Exception {
        RouteTable table = RouteTable.of(
                get("/open", ANYONE, exchange -> exchange.json(200, "{\"open\":true}")),
                get("/test/sign-in", ANYONE, RoutingIT::signInAs),
                get("/mine", SIGNED_IN, exchange -> exchange.json(200,
                        JsonText.object().field("login", exchange.user().login()).end())),
                get("/admin/things/{id}", ADMIN, exchange -> exchange.json(200,
                        JsonText.object().field("id", exchange.pathParameter("id")).end())),
                post("/things", SIGNED_IN, exchange -> exchange.redirect(303, "/mine")).recovery("/things", "Back"),
                get("/fails", ANYONE, exchange -> {
                    throw new IllegalStateException("a bug at /fails");
                }),
                get("/bad", ANYONE, exchange -> {
                    throw new BadRequest("This request is wrong in a way the handler names.");
                }));
        SignInSettings settings = new SignInSettings(List.of(), AllowLists.none(), AllowLists.none(),
                Duration.ofHours(1), Duration.ofHours(24), false);
        CurrentUser currentUser = new CurrentUser(new SessionRevalidation(settings, SESSIONS, unused(OAuthApp.class),
                unused(UserApi.class), Clock.systemUTC()));
        ResponseHeaders headers = new ResponseHeaders(URI.create("https://github.com"), URI.create("https://api.github.com"));
        Replies replies = new Replies(new Views(), headers, new AppUrls(Optional.empty()));

        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app", ServletContextHandler.SESSIONS);
        context.addFilter(new FilterHolder(new ErrorBoundary(table, headers, replies)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new RouteFilter(table, PublicPaths.parse("/docs/*"), headers, currentUser,
                replies)), "/*", EnumSet.of(DispatcherType.REQUEST));
        table.byServletMapping().forEach((mapping, routes) ->
                context.addServlet(new ServletHolder(new RouteServlet(table, replies, currentUser)), mapping));
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/app");
    }

    /** A seam that must not be called: the sessions here are checked with GitHub in an hour. */
    static <T> T unused(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new AssertionError("GitHub called: " + method.getName());
                }));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @BeforeEach
    void freshBrowser() {
        browser = new TestBrowser();
    }

    URI url(String path) {
        return URI.create(base + path);
    }

    void signIn(boolean admin) throws Exception {
        assertEquals(204, browser.get(url("/test/sign-in?admin=" + admin)).statusCode());
    }

    HttpResponse<String> send(String method, String path, String accept, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).method(method,
                HttpRequest.BodyPublishers.noBody()).header("Accept", accept);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return browser.send(request);
    }

    @Test
    void openRoutesAnswerAnyone() throws Exception {
        HttpResponse<String> open = browser.get(url("/open"), "application/json");
        assertEquals(200, open.statusCode());
        assertEquals("no-store", open.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("same-origin", open.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("nosniff", open.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void signedInRoutesSendBrowsersToSignInAndRefuseApiCalls() throws Exception {
        HttpResponse<String> page = browser.get(url("/mine?x=1"));
        assertEquals(302, page.statusCode());
        assertEquals("/app/login?next=%2Fmine%3Fx%3D1", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> api = browser.get(url("/mine"), "application/json");
        assertEquals(401, api.statusCode());
        assertEquals("{\"error\":\"unauthenticated\",\"login_url\":\"/app/login\"}", api.body());
        signIn(false);
        assertEquals("{\"login\":\"octocat\"}", browser.get(url("/mine"), "application/json").body());
    }

    @Test
    void adminRoutesRefuseOtherSignedInUsersWithAPageOrJson() throws Exception {
        assertEquals(302, browser.get(url("/admin/things/7")).statusCode(), "nobody signed in: sign in first");
        signIn(false);
        HttpResponse<String> page = browser.get(url("/admin/things/7"));
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("signed in as octocat") && page.body().contains("<h1>"), page.body());
        HttpResponse<String> api = browser.get(url("/admin/things/7"), "application/json");
        assertEquals(403, api.statusCode());
        assertTrue(api.body().startsWith("{\"error\":\"forbidden\""), api.body());
    }

    @Test
    void adminsGetThroughWithThePathsValues() throws Exception {
        signIn(true);
        HttpResponse<String> api = browser.get(url("/admin/things/7"), "application/json");
        assertEquals(200, api.statusCode());
        assertEquals("{\"id\":\"7\"}", api.body());
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefusedAndOneWithItGoesThrough() throws Exception {
        signIn(false);
        HttpResponse<String> none = browser.postForm(url("/things"), Map.of(), TestBrowser.HTML);
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("href=\"/app/things\""), "offers the route's way back: " + none.body());
        HttpResponse<String> wrong = browser.postForm(url("/things"), Map.of("csrf", "not-it"), "application/json");
        assertEquals(403, wrong.statusCode());
        assertTrue(wrong.body().startsWith("{\"error\":\"csrf_token_invalid\""), wrong.body());
        assertEquals(303, browser.postForm(url("/things"), Map.of("csrf", "the-csrf-token"), TestBrowser.HTML)
                .statusCode());
        assertEquals(303, send("POST", "/things", "application/json", "X-CSRF-Token", "the-csrf-token").statusCode(),
                "scripts send it as a header");
    }

    @Test
    void aFormOfASignedInRouteAsksAnonymousCallersToSignInFirst() throws Exception {
        HttpResponse<String> anonymous = browser.postForm(url("/things"), Map.of("csrf", "the-csrf-token"),
                TestBrowser.HTML);
        assertEquals(401, anonymous.statusCode(), "a form post is never redirected");
    }

    @Test
    void aMethodThePathDoesNotHaveIs405() throws Exception {
        signIn(false);
        HttpResponse<String> put = send("PUT", "/things", "application/json");
        assertEquals(405, put.statusCode());
        assertEquals("POST, OPTIONS", put.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> head = send("HEAD", "/open", "application/json");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void pathsNotInTheTableAreProtectedUnlessMadePublic() throws Exception {
        assertEquals(401, browser.get(url("/elsewhere"), "application/json").statusCode());
        assertEquals(404, browser.get(url("/docs/readme"), "application/json").statusCode(),
                "public by APP_PUBLIC_PATHS, and the container's to answer");
    }

    @Test
    void aFailingHandlerGetsAClearAnswerWithoutItsStackTrace() throws Exception {
        HttpResponse<String> page = browser.get(url("/fails"));
        assertEquals(500, page.statusCode());
        assertFalse(page.body().contains("IllegalStateException") || page.body().contains("a bug at"), page.body());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), "headers set again");
        HttpResponse<String> bad = browser.get(url("/bad"), "application/json");
        assertEquals(400, bad.statusCode());
        assertEquals("{\"error\":\"bad_request\",\"message\":\"This request is wrong in a way the handler names.\"}",
                bad.body());
    }

    @Test
    void aMangledPathIsRefusedBeforeTheGuard() throws Exception {
        HttpResponse<String> response = browser.get(url("/mine;x=1"), "application/json");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("bad_request"), response.body());
    }
}
