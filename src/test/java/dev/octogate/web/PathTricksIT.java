package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.RawHttp;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Path tricks do not get past the filter", URL session ids, and forged {@code Host} /
 * {@code X-Forwarded-*} headers. Requests are written raw on a socket so that the path reaches the
 * container exactly as sent.
 */
class PathTricksIT {

    static final String JSON = "application/json";

    static GitHubMock github;
    /** At the root context. */
    static WarServer root;
    /** Under /cla, redirect_uri from the request. */
    static WarServer cla;
    /** Under /cla behind an https proxy: APP_BASE_URL set. */
    static WarServer proxied;

    @BeforeAll
    static void start() throws Exception {
        github = new GitHubMock().happyPath();
        root = WarServer.start("/", WarServer.settings(github.uri()));
        cla = WarServer.start("/cla", WarServer.settings(github.uri()));
        proxied = WarServer.start("/cla", WarServer.settings(github.uri(), "app.base-url", "https://cla.example.org/cla"));
        for (WarServer server : List.of(root, cla, proxied)) {
            assertTrue(server.available(), "the WAR deployed under " + server.contextPath());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (WarServer server : new WarServer[] {root, cla, proxied}) {
            if (server != null) {
                server.close();
            }
        }
        github.close();
    }

    static final List<String> TRICKS = List.of(
            "/api/me;x",
            "/api/me;jsessionid=abc",
            "/static/..;/api/me",
            "/static/../api/me",
            "//api/me",
            "/api%2fme",
            "/api%2Fme",
            "/static%2f..%2fapi/me",
            "/%2e%2e/api/me",
            "/static/%2e%2e/api/me",
            "/API/ME",
            "/Api/Me",
            "/api/me/",
            "/login/../api/me",
            "/health/../api/me",
            "/health/..;/api/me",
            "/static/.%2e/api/me",
            "/static/%2e%2e;/api/me",
            "/./api/me",
            "/api/./me",
            "/api//me",
            "/api/me%3bx",
            "/api/me%00",
            "/static\\..\\api/me",
            "/api/me/.");

    static Stream<Arguments> tricks() {
        return Stream.of("/", "/cla").flatMap(context -> TRICKS.stream().flatMap(trick -> Stream.of(
                Arguments.of(context, trick, TestBrowser.HTML), Arguments.of(context, trick, JSON))));
    }

    static WarServer server(String context) {
        return context.equals("/") ? root : cla;
    }

    @ParameterizedTest(name = "{0} {1} Accept: {2}")
    @MethodSource("tricks")
    void trickyPathsAreProtectedOrRefused(String context, String trick, String accept) throws Exception {
        WarServer server = server(context);
        RawHttp.Response response = RawHttp.get(server.port(), server.contextPath() + trick, "Accept", accept);
        assertProtectedOrRefused(server, response, accept);
    }

    /** 400, or what an anonymous request to a protected path gets: a 302 to sign-in or a 401. */
    static void assertProtectedOrRefused(WarServer server, RawHttp.Response response, String accept) {
        assertNoUrlSessionId(response);
        assertFalse(response.body().contains("octocat"), "user data in\n" + response);
        assertFalse(response.body().contains("583231"), "user data in\n" + response);
        if (response.status() == 400) {
            return;
        }
        if (accept.contains("text/html")) {
            assertEquals(302, response.status(), "a 400 or a redirect to sign in:\n" + response);
            String location = response.header("Location").orElseThrow();
            assertTrue(location.startsWith(server.contextPath() + "/login"), "to sign-in, path-absolute:\n" + response);
        } else {
            assertEquals(401, response.status(), "a 400 or a 401:\n" + response);
            assertTrue(response.body().contains("\"error\":\"unauthenticated\""), response.toString());
            assertTrue(response.header("Location").isEmpty(), "an API call is never redirected:\n" + response);
        }
    }

    static void assertNoUrlSessionId(RawHttp.Response response) {
        for (String location : response.headers("Location")) {
            assertFalse(location.toLowerCase().contains(";jsessionid="), "session id in Location:\n" + response);
        }
        assertFalse(response.body().toLowerCase().contains(";jsessionid="), "session id in body:\n" + response);
    }

    static void assertNoUrlSessionId(HttpResponse<String> response) {
        response.headers().allValues("Location").forEach(location ->
                assertFalse(location.toLowerCase().contains(";jsessionid="), "session id in Location " + location));
        assertFalse(response.body().toLowerCase().contains(";jsessionid="), "session id in body of " + response.uri());
    }

    @Test
    void theSameSessionIdOfferedInAUrlIsNotAccepted() throws Exception {
        TestBrowser browser = new TestBrowser();
        SignInSteps.signIn(browser, cla.base());
        String sessionId = browser.sessionId();
        assertNotNull(sessionId);

        RawHttp.Response withCookie = RawHttp.get(cla.port(), "/cla/api/me", "Accept", JSON,
                "Cookie", "JSESSIONID=" + sessionId);
        assertEquals(200, withCookie.status(), "control: the session is signed in\n" + withCookie);
        assertTrue(withCookie.body().contains("\"login\":\"octocat\""), withCookie.toString());

        for (String accept : List.of(TestBrowser.HTML, JSON)) {
            for (String target : List.of("/cla/;jsessionid=" + sessionId + "/api/me",
                    "/cla/api/me;jsessionid=" + sessionId,
                    "/cla/api;jsessionid=" + sessionId + "/me",
                    "/cla/;jsessionid=" + sessionId,
                    "/cla/api/me;JSESSIONID=" + sessionId)) {
                RawHttp.Response response = RawHttp.get(cla.port(), target, "Accept", accept);
                assertNotEquals(200, response.status(), "signed in by a URL session id:\n" + response);
                assertProtectedOrRefused(cla, response, accept);
                assertTrue(response.headers("Set-Cookie").stream().noneMatch(c -> c.contains(sessionId)),
                        "the URL's session handed out as a cookie:\n" + response);
            }
        }
    }

    @Test
    void noResponseCarriesTheSessionIdInAUrl() throws Exception {
        for (WarServer server : List.of(root, cla)) {
            TestBrowser browser = new TestBrowser();
            String base = server.base().toString();
            List<HttpResponse<String>> responses = new java.util.ArrayList<>();
            responses.add(browser.get(URI.create(base + "/api/me?x=1")));
            responses.add(browser.get(URI.create(base + "/")));
            HttpResponse<String> login = browser.get(URI.create(base + "/login?next=%2Fapi%2Fme"));
            responses.add(login);
            String state = TestBrowser.query(TestBrowser.location(login)).get("state");
            responses.add(browser.get(URI.create(base + "/callback?code=c&state=" + state)));
            responses.add(browser.get(URI.create(base + "/")));
            responses.add(browser.get(URI.create(base + "/api/me"), JSON));
            responses.add(browser.get(URI.create(base + "/logout")));
            responses.add(browser.get(URI.create(base + "/callback?code=c&state=replayed")));
            responses.add(browser.postForm(URI.create(base + "/logout"),
                    Map.of("csrf", TestBrowser.csrfToken(responses.get(4).body())), TestBrowser.HTML));
            responses.add(browser.get(URI.create(base + "/signed-out")));
            assertEquals(200, responses.get(5).statusCode(), "signed in along the way");
            assertEquals(303, responses.get(8).statusCode(), "signed out along the way");
            responses.forEach(PathTricksIT::assertNoUrlSessionId);
            // And a first request of a cookie-less client, which is when containers rewrite URLs.
            assertNoUrlSessionId(RawHttp.get(server.port(), server.contextPath() + "/login", "Accept", TestBrowser.HTML));
            assertNoUrlSessionId(RawHttp.get(server.port(), server.contextPath() + "/api/me", "Accept", TestBrowser.HTML));
        }
    }

    @Test
    void aForgedHostDoesNotMoveRedirectsOffSite() throws Exception {
        for (WarServer server : List.of(root, cla, proxied)) {
            for (String[] headers : List.of(
                    new String[] {"Host", "evil.example"},
                    new String[] {"Host", "evil.example:8443", "X-Forwarded-Host", "evil.example"},
                    new String[] {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
                            "Forwarded", "host=evil.example;proto=https"})) {
                for (String path : List.of("/api/me", "/", "/anything?x=1")) {
                    String[] all = Stream.concat(Stream.of("Accept", TestBrowser.HTML), Stream.of(headers))
                            .toArray(String[]::new);
                    RawHttp.Response response = RawHttp.get(server.port(), server.contextPath() + path, all);
                    assertEquals(302, response.status(), response.toString());
                    String location = response.header("Location").orElseThrow();
                    assertTrue(location.startsWith(server.contextPath() + "/login"), "path-absolute:\n" + response);
                    assertFalse(location.startsWith("//"), response.toString());
                    assertFalse(location.contains("evil.example"), response.toString());
                }
                // The container's own redirects (to add a trailing slash) stay path-absolute too.
                for (String target : List.of(server.contextPath().isEmpty() ? "/static" : server.contextPath(),
                        server.contextPath() + "/static")) {
                    String[] all = Stream.concat(Stream.of("Accept", TestBrowser.HTML), Stream.of(headers))
                            .toArray(String[]::new);
                    RawHttp.Response response = RawHttp.get(server.port(), target, all);
                    for (String location : response.headers("Location")) {
                        assertTrue(location.startsWith("/") && !location.startsWith("//"), "path-absolute:\n" + response);
                        assertFalse(location.contains("evil.example"), response.toString());
                    }
                }
            }
        }
    }

    @Test
    void withABaseUrlRedirectUriIgnoresHostAndForwardedHeaders() throws Exception {
        List<String[]> forgeries = List.of(
                new String[] {"Host", "evil.example"},
                new String[] {"Host", "evil.example", "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"},
                new String[] {"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "http",
                        "X-Forwarded-Port", "8443", "X-Forwarded-Prefix", "/evil", "Forwarded", "host=evil.example;proto=http"});
        for (String[] headers : forgeries) {
            RawHttp.Response login = RawHttp.get(proxied.port(), "/cla/login",
                    Stream.concat(Stream.of("Accept", TestBrowser.HTML), Stream.of(headers)).toArray(String[]::new));
            assertEquals(302, login.status(), login.toString());
            URI authorize = URI.create(login.header("Location").orElseThrow());
            assertEquals(github.uri().getAuthority(), authorize.getAuthority(), login.toString());
            assertEquals("https://cla.example.org/cla/callback", TestBrowser.query(authorize).get("redirect_uri"),
                    login.toString());
        }
    }

    @Test
    void withoutABaseUrlForwardedHeadersAreNotReflectedIntoRedirectUri() throws Exception {
        for (WarServer server : List.of(root, cla)) {
            RawHttp.Response login = RawHttp.get(server.port(), server.contextPath() + "/login",
                    "Accept", TestBrowser.HTML,
                    "X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443",
                    "X-Forwarded-Prefix", "/evil", "X-Forwarded-Server", "evil.example",
                    "Forwarded", "for=1.2.3.4;host=evil.example;proto=https");
            assertEquals(302, login.status(), login.toString());
            URI authorize = URI.create(login.header("Location").orElseThrow());
            assertEquals(github.uri().getAuthority(), authorize.getAuthority(), login.toString());
            assertEquals("http://localhost:" + server.port() + server.contextPath() + "/callback",
                    TestBrowser.query(authorize).get("redirect_uri"), login.toString());
        }
    }

    @Test
    void aMalformedHostIsRefusedNotReflected() throws Exception {
        for (String host : List.of("evil.example/x", "evil.example\\x", "evil.example@x", "\"evil\"")) {
            RawHttp.Response login = RawHttp.get(cla.port(), "/cla/login", "Accept", TestBrowser.HTML, "Host", host);
            assertEquals(400, login.status(), host + ":\n" + login);
            assertFalse(login.body().contains("evil.example"), "reflected:\n" + login);
            assertTrue(login.header("Location").isEmpty(), login.toString());
        }
    }
}
