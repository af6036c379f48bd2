package dev.octogate.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.LogCapture;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarWithGitHub;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Step 6: with {@code app.revalidate-seconds=0} every request of a signed-in session re-checks its
 * token with a conditional {@code GET /user}; revoked tokens end the session, outages do not, and
 * expiring tokens are refreshed once.
 */
class RevalidationIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/", "app.revalidate-seconds", "0", "github.timeout-seconds", "2");

    // A new test instance, so a new browser and log capture, for each test.
    final TestBrowser browser = new TestBrowser();
    @RegisterExtension
    final LogCapture logs = LogCapture.of("dev.octogate");

    void signIn() throws Exception {
        SignInSteps.signIn(browser, war.app.base());
    }

    @Test
    void unchangedUserIsCheckedWithIfNoneMatch() throws Exception {
        signIn();
        assertEquals(200, browser.get(war.url("/api/me"), "application/json").statusCode());
        war.github.server.verify(getRequestedFor(urlPathEqualTo("/user")).withHeader("If-None-Match", equalTo("W/\"etag-1\"")));
    }

    @Test
    void profileIsRefreshedByTheSameCall() throws Exception {
        signIn();
        war.github.server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + GitHubMock.TOKEN))
                .willReturn(okJson(GitHubMock.USER_JSON.replace("The Octocat", "Mona the Octocat")).withHeader("ETag", "W/\"etag-2\"")));
        assertTrue(browser.get(war.url("/")).body().contains("Mona the Octocat"));
    }

    @Test
    void revokedTokenEndsTheSession() throws Exception {
        signIn();
        war.github.server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\"}")));
        HttpResponse<String> page = browser.get(war.url("/"));
        assertEquals(302, page.statusCode(), "browser goes to sign-in");
        assertTrue(TestBrowser.location(page).getPath().endsWith("/login"));
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("login=octocat") && l.contains("id=583231")
                && l.contains("session-ended")), logs.all().toString());
    }

    @Test
    void gitHubOutageKeepsTheSessionAndWarns() throws Exception {
        signIn();
        war.github.server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(503)));
        assertEquals(200, browser.get(war.url("/api/me"), "application/json").statusCode());
        assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("octocat") && l.contains("503")),
                logs.all().toString());
        war.github.server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        assertEquals(200, browser.get(war.url("/api/me"), "application/json").statusCode(), "kept through a timeout too");
    }

    @Test
    void signingOutWhileARequestChecksTheTokenIsNoServerError() throws Exception {
        signIn();
        String csrf = TestBrowser.csrfToken(browser.get(war.url("/")).body());
        war.github.server.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(GitHubMock.USER_JSON).withFixedDelay(1500)));
        CompletableFuture<Integer> checking = CompletableFuture.supplyAsync(() -> {
            try {
                return browser.get(war.url("/api/me"), "application/json").statusCode();
            } catch (Exception e) {
                return -1;
            }
        });
        Thread.sleep(400);
        war.github.server.resetAll(); // sign-out itself must not wait on GitHub
        war.github.happyPath();
        assertEquals(303, browser.postForm(war.url("/logout"), java.util.Map.of("csrf", csrf), TestBrowser.HTML).statusCode());
        int status = checking.get();
        assertTrue(status == 200 || status == 401, "the request in flight ends normally: " + status);
        assertEquals(List.of(), logs.messages(Level.SEVERE));
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode());
    }

    @Test
    void expiringTokenIsRefreshedOnceEvenUnderConcurrentRequests() throws Exception {
        war.github.stubToken("{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\","
                + "\"expires_in\":30,\"refresh_token\":\"ghr_first\",\"refresh_token_expires_in\":15897600}");
        signIn();
        war.github.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\","
                        + "\"expires_in\":28800,\"refresh_token\":\"ghr_second\",\"refresh_token_expires_in\":15897600}")
                        .withFixedDelay(700)));
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return browser.get(war.url("/api/me"), "application/json").statusCode();
                } catch (Exception e) {
                    return -1;
                }
            }));
        }
        for (CompletableFuture<Integer> request : requests) {
            assertEquals(200, request.get());
        }
        war.github.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("refresh_token=ghr_first")));
        assertEquals(200, browser.get(war.url("/api/me"), "application/json").statusCode());
        war.github.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void refusedRefreshEndsTheSession() throws Exception {
        war.github.stubToken("{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\","
                + "\"expires_in\":30,\"refresh_token\":\"ghr_first\"}");
        signIn();
        war.github.server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"error\":\"bad_refresh_token\"}")));
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("bad_refresh_token")), logs.all().toString());
    }

    @Test
    void aSuspendedAccountIsSignedOut() throws Exception {
        signIn();
        war.github.server.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Sorry. Your account was suspended.\"}")));
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("session-ended") && l.contains("403")),
                logs.all().toString());
    }

    @Test
    void aTokenNowNamingAnotherAccountIsSignedOut() throws Exception {
        signIn();
        war.github.server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + GitHubMock.TOKEN))
                .willReturn(okJson(GitHubMock.USER_JSON.replace("583231", "999999")).withHeader("ETag", "W/\"other\"")));
        assertEquals(401, browser.get(war.url("/api/me"), "application/json").statusCode());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("another GitHub account")),
                logs.all().toString());
    }

    /** The allow-lists hold for the whole session: someone removed from the organisation (and renamed) is out. */
    @Test
    void aUserNoLongerInTheAllowedOrganisationIsSignedOut() throws Exception {
        try (GitHubMock github = new GitHubMock().happyPath();
             dev.octogate.testing.WarServer app = dev.octogate.testing.WarServer.start("/", dev.octogate.testing.WarServer
                     .settings(github.uri(), "app.revalidate-seconds", "0", "github.allowed-orgs", "github",
                             "github.scope", "read:org"))) {
            github.server.stubFor(get(urlPathEqualTo("/user/orgs")).willReturn(okJson("[{\"login\":\"github\"}]")));
            TestBrowser user = new TestBrowser();
            SignInSteps.signIn(user, app.base());
            URI me = URI.create(app.base() + "/api/me");
            assertEquals(200, user.get(me, "application/json").statusCode(), "a member");

            github.server.stubFor(get(urlPathEqualTo("/user/orgs")).willReturn(okJson("[]")));
            github.server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + GitHubMock.TOKEN))
                    .willReturn(okJson(GitHubMock.USER_JSON.replace("\"octocat\"", "\"octocat-renamed\""))
                            .withHeader("ETag", "W/\"renamed\"")));
            assertEquals(401, user.get(me, "application/json").statusCode(), "no longer a member: signed out");
            assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("no longer on any allow-list")),
                    logs.all().toString());
        }
    }
}
