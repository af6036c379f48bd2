package dev.octogate.web;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarWithGitHub;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole sign-in flow (docs/sign-in.md), in the packaged WAR on Jetty under a context path, GitHub mocked. */
class SignInFlowIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/cla", "github.scope", "read:org");

    TestBrowser browser;

    @BeforeEach
    void fresh() {
        browser = new TestBrowser();
    }

    URI startSignIn(String next) throws Exception {
        return SignInSteps.authorize(browser, war.app.base(), next);
    }

    HttpResponse<String> callback(URI authorize, String code) throws Exception {
        return SignInSteps.callback(browser, war.app.base(), authorize, code);
    }

    @Test
    void protectedPageSendsBrowserToSignInAndBack() throws Exception {
        HttpResponse<String> first = browser.get(war.url("/api/me?x=1&y=2"));
        assertEquals(302, first.statusCode());
        URI login = TestBrowser.location(first);
        assertEquals("/cla/login", login.getPath());
        assertEquals("/api/me?x=1&y=2", TestBrowser.query(login).get("next"));

        HttpResponse<String> toGitHub = browser.get(login);
        assertEquals(302, toGitHub.statusCode());
        URI authorize = TestBrowser.location(toGitHub);
        assertEquals(war.github.uri().getAuthority(), authorize.getAuthority());
        assertEquals("/login/oauth/authorize", authorize.getPath());
        Map<String, String> q = TestBrowser.query(authorize);
        assertEquals("test-client", q.get("client_id"));
        assertEquals(war.app.base() + "/callback", q.get("redirect_uri"));
        assertEquals("read:org", q.get("scope"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertTrue(Base64.getUrlDecoder().decode(q.get("state")).length >= 16, "state has at least 128 bits");
        assertEquals(43, q.get("code_challenge").length());

        String sessionBefore = browser.sessionId();
        HttpResponse<String> back = callback(authorize, "the-code");
        assertEquals(302, back.statusCode());
        assertEquals("/cla/api/me?x=1&y=2", back.headers().firstValue("Location").orElseThrow());
        assertNotEquals(sessionBefore, browser.sessionId(), "session id changed at sign-in");

        HttpResponse<String> me = browser.get(war.url("/api/me"), "application/json");
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"login\":\"octocat\""), me.body());
        assertTrue(me.body().contains("\"id\":583231"), me.body());

        HttpResponse<String> index = browser.get(war.url("/"));
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("Hello octocat!"), index.body());
    }

    @Test
    void codeIsExchangedByFormPostWithPkceVerifierAndUserReadWithApiHeaders() throws Exception {
        URI authorize = startSignIn(null);
        assertEquals(302, callback(authorize, "code-123").statusCode());

        LoggedRequest exchange = war.github.server.findAll(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))).get(0);
        assertEquals(null, exchange.getUrl().contains("?") ? "query in URL" : null, "nothing in the token URL's query");
        assertTrue(exchange.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertTrue(exchange.getHeader("Accept").contains("application/json"));
        Map<String, String> form = TestBrowser.query(URI.create("x:/?" + exchange.getBodyAsString()));
        assertEquals("test-client", form.get("client_id"));
        assertEquals("test-secret-value", form.get("client_secret"));
        assertEquals("code-123", form.get("code"));
        assertEquals(war.app.base() + "/callback", form.get("redirect_uri"));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
        assertEquals(TestBrowser.query(authorize).get("code_challenge"), challenge, "verifier matches the challenge");

        war.github.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/user"))
                .withHeader("Authorization", equalTo("Bearer " + GitHubMock.TOKEN))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching(".+")));
    }

    @Test
    void twoTabsCanSignInAtOnce() throws Exception {
        URI first = startSignIn("/first");
        URI second = startSignIn("/second");
        assertNotEquals(TestBrowser.query(first).get("state"), TestBrowser.query(second).get("state"));

        HttpResponse<String> secondBack = callback(second, "code-2");
        assertEquals("/cla/second", secondBack.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> firstBack = callback(first, "code-1");
        assertEquals(302, firstBack.statusCode(), firstBack.body());
        assertEquals("/cla/first", firstBack.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aStateWorksOnce() throws Exception {
        URI authorize = startSignIn(null);
        assertEquals(302, callback(authorize, "code-1").statusCode());
        HttpResponse<String> replay = callback(authorize, "code-1");
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("/cla/login"), "offers to start again");
        war.github.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void missingUnknownOrForeignStateIsRefusedBeforeGitHubIsCalled() throws Exception {
        URI authorize = startSignIn(null);
        assertEquals(400, browser.get(war.url("/callback?code=c")).statusCode());
        assertEquals(400, browser.get(war.url("/callback?code=c&state=made-up")).statusCode());

        TestBrowser attacker = new TestBrowser();
        String state = TestBrowser.query(authorize).get("state");
        assertEquals(400, attacker.get(war.url("/callback?code=c&state=" + state)).statusCode(), "state of another session");
        war.github.server.verify(exactly(0), postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
    }

    @Test
    void gitHubErrorsWithoutAMatchingStateAreRefusedLikeAnyOtherAnswer() throws Exception {
        startSignIn(null);
        try (LogCapture logs = LogCapture.of("dev.octogate")) {
            for (String query : new String[] {
                "error=access_denied",
                "error=redirect_uri_mismatch&state=made-up",
                "error=foo&error_description=Your+account+is+locked%2C+call+evil.example&state=made-up"}) {
                HttpResponse<String> page = browser.get(war.url("/callback?" + query));
                assertEquals(400, page.statusCode(), query);
                assertFalse(page.body().contains("evil.example"), "nothing of the request's description on the page");
            }
            assertEquals(List.of(), logs.messages(java.util.logging.Level.SEVERE), "no operator alarm from a forged answer");
        }
    }

    @Test
    void headNavigationIsRedirectedLikeGet() throws Exception {
        HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(war.url("/api/me")).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Accept", TestBrowser.HTML).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, head.statusCode());
    }

    @Test
    void cancellingAtGitHubIsA403() throws Exception {
        URI authorize = startSignIn(null);
        String state = TestBrowser.query(authorize).get("state");
        HttpResponse<String> back = browser.get(war.url("/callback?error=access_denied&error_description=x&state=" + state));
        assertEquals(403, back.statusCode());
        assertTrue(back.body().contains("cancelled"));
        assertFalse(back.body().contains("<script>"));
    }

    @Test
    void unsafeNextFallsBackToRoot() throws Exception {
        for (String next : new String[] {"//evil.example", "/%2F%2Fevil.example", "https://evil.example", "/\\evil.example",
                "%2F%2Fevil.example", "/..%2F..%2Fother", "/a%0d%0aSet-Cookie:x"}) {
            URI authorize = startSignIn(java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> back = callback(authorize, "code");
            assertEquals("/cla/", back.headers().firstValue("Location").orElseThrow(), next);
        }
    }

    @Test
    void signOutNeedsPostAndTheFormsToken() throws Exception {
        callback(startSignIn(null), "code");
        String page = browser.get(war.url("/")).body();
        String csrf = TestBrowser.csrfToken(page);

        assertEquals(200, browser.get(war.url("/logout")).statusCode(), "GET shows a button");
        assertEquals(200, browser.get(war.url("/api/me"), "application/json").statusCode(), "still signed in after GET");

        HttpResponse<String> forged = browser.postForm(war.url("/logout"), Map.of("csrf", "wrong"), TestBrowser.HTML);
        assertEquals(403, forged.statusCode());
        assertEquals(200, browser.get(war.url("/api/me"), "application/json").statusCode(), "still signed in after forgery");

        HttpResponse<String> out = browser.postForm(war.url("/logout"), Map.of("csrf", csrf), TestBrowser.HTML);
        assertEquals(303, out.statusCode());
        assertEquals("/cla/signed-out", out.headers().firstValue("Location").orElseThrow());
        assertEquals("\"cache\", \"storage\"", out.headers().firstValue("Clear-Site-Data").orElseThrow());
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode());
        assertTrue(browser.get(war.url("/signed-out")).body().contains("You are signed out"));
    }

    @Test
    void apiCallsGet401JsonNeverARedirect() throws Exception {
        HttpResponse<String> api = browser.get(war.url("/api/me"), "application/json");
        assertEquals(401, api.statusCode());
        assertTrue(api.body().contains("\"error\":\"unauthenticated\""));
        assertTrue(api.body().contains("\"login_url\":\"/cla/login\""));
        HttpResponse<String> post = browser.postForm(war.url("/"), Map.of(), TestBrowser.HTML);
        assertEquals(401, post.statusCode(), "non-GET is never redirected");
        assertNotNull(post.headers().firstValue("Content-Type").filter(t -> t.startsWith("application/json")).orElse(null));
    }

    @Test
    void displayNameFromGitHubIsEscaped() throws Exception {
        war.github.stubUser(GitHubMock.USER_JSON.replace("The Octocat", "<script>alert(1)</script>"));
        callback(startSignIn(null), "code");
        String page = browser.get(war.url("/")).body();
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
