package dev.octogate.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.LogCapture;
import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Allow-lists (users, organisations with pagination, teams), grant revocation at sign-out, and the log lines. */
class AccessRulesIT {

    GitHubMock github;
    TestBrowser browser;
    LogCapture logs;

    @BeforeEach
    void fresh() {
        github = new GitHubMock().happyPath();
        browser = new TestBrowser();
        logs = LogCapture.of("dev.octogate");
    }

    @AfterEach
    void stop() {
        logs.close();
        github.close();
    }

    HttpResponse<String> signIn(WarServer app) throws Exception {
        return SignInSteps.callback(browser, app.base(), SignInSteps.authorize(browser, app.base(), "/somewhere"), "c");
    }

    @Test
    void allowedUserComparedCaseInsensitively() throws Exception {
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "github.allowed-users", "someone, OctoCat"))) {
            assertEquals(302, signIn(app).statusCode());
            github.server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/user/orgs")));
        }
    }

    @Test
    void userOnNoListIsRefusedWithAWayToSwitchAccount() throws Exception {
        try (WarServer app = WarServer.start("/cla", WarServer.settings(github.uri(), "github.allowed-users", "hubot"))) {
            HttpResponse<String> page = signIn(app);
            assertEquals(403, page.statusCode());
            assertTrue(page.body().contains("octocat"), "names the refused account");
            assertTrue(page.body().contains("prompt=select_account"), page.body());
            assertEquals(401, browser.get(URI.create(app.base() + "/api/me"), "application/json").statusCode(),
                    "no signed-in session");
            assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("login=octocat") && l.contains("id=583231")
                    && l.contains("refused") && l.contains("allow-list")), logs.all().toString());

            HttpResponse<String> switchAccount = browser.get(URI.create("http://localhost:" + app.port()
                    + "/cla/login?next=%2Fsomewhere&prompt=select_account"));
            assertEquals("select_account", TestBrowser.query(TestBrowser.location(switchAccount)).get("prompt"));
        }
    }

    @Test
    void organisationMembershipFollowsPagination() throws Exception {
        String next = github.uri() + "/user/orgs?per_page=100&page=2";
        github.server.stubFor(get(urlPathEqualTo("/user/orgs")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("[{\"login\":\"The-CLA-Org\"}]")));
        github.server.stubFor(get(urlPathEqualTo("/user/orgs")).withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson("[{\"login\":\"other\"}]").withHeader("Link", "<" + next + ">; rel=\"next\"")));
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "github.allowed-orgs", "the-cla-org",
                "github.scope", "read:org"))) {
            assertEquals(302, signIn(app).statusCode());
            github.server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/user/orgs")));
        }
    }

    @Test
    void teamMembershipAllows() throws Exception {
        github.server.stubFor(get(urlPathEqualTo("/user/teams")).willReturn(okJson(
                "[{\"slug\":\"maintainers\",\"organization\":{\"login\":\"Octo-Org\"}}]")));
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "github.allowed-teams", "octo-org/maintainers",
                "github.scope", "read:org"))) {
            assertEquals(302, signIn(app).statusCode());
        }
    }

    @Test
    void publicPathsCannotOpenTheSignedInPages() throws Exception {
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "app.public-paths", "/,/api/me,/logout,/*"))) {
            assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("stays protected")), logs.all().toString());
            assertEquals(302, browser.get(URI.create(app.base() + "/")).statusCode());
            assertEquals(401, browser.get(URI.create(app.base() + "/api/me"), "application/json").statusCode());
            assertEquals(404, browser.get(URI.create(app.base() + "/elsewhere")).statusCode(), "everything else is public");
            signIn(app);
            assertTrue(browser.get(URI.create(app.base() + "/")).body().contains("Hello octocat!"));
            assertEquals(200, browser.get(URI.create(app.base() + "/logout")).statusCode());
        }
    }

    @Test
    void missingReadOrgScopeIsWarnedAtStart() throws Exception {
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "github.allowed-orgs", "octo-org"))) {
            assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("read:org")), logs.all().toString());
        }
    }

    @Test
    void signOutRevokesTheGrantWhenAskedAndLogs() throws Exception {
        github.server.stubFor(delete(urlPathEqualTo("/applications/test-client/grant")).willReturn(aResponse().withStatus(204)));
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "github.revoke-on-logout", "true"))) {
            signIn(app);
            String csrf = TestBrowser.csrfToken(browser.get(URI.create(app.base() + "/")).body());
            HttpResponse<String> out = browser.postForm(URI.create(app.base() + "/logout"), Map.of("csrf", csrf), TestBrowser.HTML);
            assertEquals(303, out.statusCode());
            String basic = "Basic " + Base64.getEncoder().encodeToString("test-client:test-secret-value".getBytes());
            github.server.verify(exactly(1), deleteRequestedFor(urlPathEqualTo("/applications/test-client/grant"))
                    .withHeader("Authorization", equalTo(basic))
                    .withRequestBody(equalToJson("{\"access_token\":\"" + GitHubMock.TOKEN + "\"}")));
            assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("sign-out: login=octocat id=583231")),
                    logs.all().toString());
        }
    }

    @Test
    void failedRevocationDoesNotStopSignOut() throws Exception {
        github.server.stubFor(delete(urlPathEqualTo("/applications/test-client/grant")).willReturn(aResponse().withStatus(500)));
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri(), "github.revoke-on-logout", "true",
                "app.clear-site-data", ""))) {
            signIn(app);
            String csrf = TestBrowser.csrfToken(browser.get(URI.create(app.base() + "/")).body());
            HttpResponse<String> out = browser.postForm(URI.create(app.base() + "/logout"), Map.of("csrf", csrf), TestBrowser.HTML);
            assertEquals(303, out.statusCode());
            assertFalse(out.headers().firstValue("Clear-Site-Data").isPresent(), "an empty setting sends none");
            assertEquals(401, browser.get(URI.create(app.base() + "/api/me"), "application/json").statusCode());
            assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("revoke")), logs.all().toString());
        }
    }

    @Test
    void logLinesNeverHoldTokensCodesSecretsOrState() throws Exception {
        try (WarServer app = WarServer.start("/", WarServer.settings(github.uri()))) {
            URI authorize = TestBrowser.location(browser.get(URI.create(app.base() + "/login")));
            String state = TestBrowser.query(authorize).get("state");
            browser.get(URI.create(app.base() + "/callback?code=secret-code-value&state=" + state));
            assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("sign-in: login=octocat id=583231 outcome=signed-in")),
                    logs.all().toString());
            for (String line : logs.all()) {
                for (String secret : new String[] {GitHubMock.TOKEN, "secret-code-value", "test-secret-value", state}) {
                    assertFalse(line.contains(secret), "log line leaks: " + line);
                }
            }
        }
    }
}
