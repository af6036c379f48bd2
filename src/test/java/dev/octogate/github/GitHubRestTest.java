package dev.octogate.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.octogate.config.SettingsReader;
import dev.octogate.config.SettingsSource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RestOAuthApp} and {@link RestUserApi} against WireMock standing in for GitHub: what each call sends, and how each
 * kind of answer is told apart (docs/sign-in.md, steps 3, 4, 6 and 7).
 */
class GitHubRestTest {

    static final String CLIENT_ID = "Iv1.0123456789abcdef";
    static final String SECRET = "cs-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String CODE = "code-5f3a2b1c0d9e8f7a6b5c";
    static final String VERIFIER = "verifier-dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String TOKEN = "gho_accesstoken0123456789abcdef";
    /** A redirect URI with characters that must be form-encoded. */
    static final URI REDIRECT = URI.create("https://app.example.org/cla/callback?tenant=a&x=1+2");
    static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    static final String API = "/api/v3";
    static final String TOKEN_PATH = "/login/oauth/access_token";
    static final String USER_JSON = "{\"login\":\"octocat\",\"id\":583231,\"name\":\"The Octocat\","
            + "\"avatar_url\":\"https://avatars.githubusercontent.com/u/583231?v=4\","
            + "\"html_url\":\"https://github.com/octocat\",\"type\":\"User\"}";

    /** One WireMock for the class (these tests leave no slow answers behind), reset before each test. */
    static WireMockServer wm;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    BothSeams client;

    @BeforeAll
    static void startGitHub() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stopGitHub() {
        wm.stop();
    }

    @BeforeEach
    void start() {
        wm.resetAll();
        client = client(wm, 5);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    // ---------------------------------------------------------------- helpers

    static URI base(WireMockServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Settings as the app loads them: the web host is WireMock, the API below {@code /api/v3} (as on GHES). */
    static GitHubSettings settings(URI github, URI api, int timeoutSeconds) {
        Map<String, String> map = new HashMap<>();
        map.put("github.client-id", CLIENT_ID);
        map.put("github.client-secret", SECRET);
        map.put("github.url", github.toString());
        map.put("github.api-url", api.toString());
        map.put("github.timeout-seconds", Integer.toString(timeoutSeconds));
        return GitHubSettings.read(new SettingsReader(SettingsSource.of(map::get), SettingsSource.none(),
                SettingsSource.none()));
    }

    BothSeams client(WireMockServer server, int timeoutSeconds) {
        GitHubSettings settings = settings(base(server), URI.create(base(server) + API), timeoutSeconds);
        return new BothSeams(GitHub.connect(settings, clock));
    }

    /** Runs the call, expects a GitHubException of that kind, and checks its message gives nothing away. */
    static GitHubException fails(GitHubException.Kind kind, Executable call) {
        GitHubException e = assertThrows(GitHubException.class, call);
        assertEquals(kind, e.kind(), () -> "kind of: " + e);
        assertNoSecrets(e);
        return e;
    }

    static void assertNoSecrets(GitHubException e) {
        String message = String.valueOf(e.getMessage()) + " " + e;
        for (String secret : List.of(SECRET, CODE, VERIFIER, TOKEN)) {
            assertFalse(message.contains(secret), () -> "exception message contains a secret: " + message);
        }
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            String previous = form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            assertNull(previous, "parameter sent twice: " + pair);
        }
        return form;
    }

    LoggedRequest onlyRequest() {
        List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, all.size(), () -> "requests: " + all);
        return all.get(0);
    }

    void stubToken(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(answer));
    }

    void stubUser(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wm.stubFor(get(urlPathEqualTo(API + "/user")).willReturn(answer));
    }

    TokenGrant exchange() throws GitHubException {
        return client.exchangeCode(CODE, REDIRECT, VERIFIER);
    }

    // ---------------------------------------------------------------- exchangeCode

    @Test
    void exchangeCodePostsTheFormWithJsonAcceptAndNoSecretInTheUrl() throws Exception {
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"read:org,user:email\"}"));

        exchange();

        LoggedRequest request = onlyRequest();
        assertEquals("POST", request.getMethod().getName());
        assertEquals(TOKEN_PATH, request.getUrl(), "no query string");
        assertTrue(request.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"),
                request.getHeader("Content-Type"));
        assertEquals("application/json", request.getHeader("Accept"));
        assertEquals(Map.of("client_id", CLIENT_ID, "client_secret", SECRET, "code", CODE,
                "redirect_uri", REDIRECT.toString(), "code_verifier", VERIFIER), form(request));
        assertFalse(request.getAbsoluteUrl().contains(SECRET));
        assertFalse(request.getAbsoluteUrl().contains(CODE));
        assertTrue(request.getQueryParams().isEmpty(), () -> "query: " + request.getQueryParams());
        for (var header : request.getHeaders().all()) {
            assertFalse(header.values().toString().contains(SECRET), () -> "secret in header " + header);
        }
    }

    @Test
    void exchangeCodeReturnsTokenAndScopes() throws Exception {
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"read:org,user:email\"}"));

        TokenGrant grant = exchange();

        assertEquals(TOKEN, grant.accessToken());
        assertEquals(List.of("read:org", "user:email"), grant.scopes());
        assertNull(grant.expiresAt(), "OAuth app tokens do not expire");
        assertNull(grant.refreshToken());
        assertNull(grant.refreshExpiresAt());
        assertFalse(grant.toString().contains(TOKEN), "toString hides the token");
    }

    @Test
    void exchangeCodeWithEmptyScopeGivesNoScopes() throws Exception {
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"scope\":\"\"}"));

        assertEquals(List.of(), exchange().scopes());
    }

    @Test
    void expiringTokenGivesExpiryAndRefreshToken() throws Exception {
        stubToken(okJson("{\"access_token\":\"ghu_expiring\",\"expires_in\":28800,"
                + "\"refresh_token\":\"ghr_refresh\",\"refresh_token_expires_in\":15811200,"
                + "\"scope\":\"\",\"token_type\":\"bearer\"}"));

        TokenGrant grant = exchange();

        assertEquals("ghu_expiring", grant.accessToken());
        assertEquals(NOW.plusSeconds(28800), grant.expiresAt());
        assertEquals("ghr_refresh", grant.refreshToken());
        assertEquals(NOW.plusSeconds(15811200), grant.refreshExpiresAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_verification_code", "incorrect_client_credentials", "redirect_uri_mismatch"})
    void oauthErrorWithHttp200IsOauthError(String error) {
        stubToken(okJson("{\"error\":\"" + error + "\",\"error_description\":\"Something about " + error + ".\","
                + "\"error_uri\":\"https://docs.github.com/apps/troubleshooting\"}"));

        GitHubException e = fails(GitHubException.Kind.OAUTH_ERROR, this::exchange);

        assertEquals(error, e.oauthError());
        assertTrue(e.getMessage().contains(error), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(CODE));
        assertNull(e.retryAfter());
    }

    @Test
    void answerWithoutAccessTokenIsBadAnswer() {
        stubToken(okJson("{\"token_type\":\"bearer\",\"scope\":\"read:org\"}"));

        GitHubException e = fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
        assertNull(e.oauthError());
    }

    @Test
    void blankAccessTokenIsBadAnswer() {
        stubToken(okJson("{\"access_token\":\"  \",\"token_type\":\"bearer\",\"scope\":\"\"}"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void htmlPageIsBadAnswer() {
        stubToken(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><body><h1>Unicorn!</h1></body></html>"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void htmlPageThatLooksLikeJsonIsStillBadAnswer() {
        // Even a body that would parse is refused when GitHub says it is an HTML page.
        stubToken(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"\"}"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void formEncodedAnswerIsBadAnswer() {
        // What GitHub sends when Accept: application/json is missing.
        stubToken(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("access_token=" + TOKEN + "&scope=&token_type=bearer"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void plainTextAnswerIsBadAnswer() {
        stubToken(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("Service unavailable"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void truncatedJsonIsBadAnswer() {
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bea"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void emptyBodyIsBadAnswer() {
        stubToken(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void jsonNullIsBadAnswer() {
        stubToken(okJson("null"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrorIsBadAnswer(int status) {
        stubToken(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"\"}"));

        GitHubException e = fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
        assertTrue(e.getMessage().contains(Integer.toString(status)), e.getMessage());
    }

    @Test
    void serverErrorWithHtmlPageIsBadAnswer() {
        stubToken(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
    }

    @Test
    void redirectIsNotFollowed() {
        // A redirect of the token POST must not carry the form (with the secret) anywhere else.
        wm.stubFor(post(urlPathEqualTo("/elsewhere")).willReturn(okJson("{\"access_token\":\"x\"}")));
        stubToken(aResponse().withStatus(307).withHeader("Location", base(wm) + "/elsewhere"));

        fails(GitHubException.Kind.BAD_ANSWER, this::exchange);
        wm.verify(0, postRequestedFor(urlPathEqualTo("/elsewhere")));
    }

    // ---------------------------------------------------------------- refresh

    @Test
    void refreshPostsRefreshTokenGrant() throws Exception {
        stubToken(okJson("{\"access_token\":\"ghu_new\",\"expires_in\":28800,\"refresh_token\":\"ghr_new\","
                + "\"refresh_token_expires_in\":15811200,\"scope\":\"\",\"token_type\":\"bearer\"}"));

        TokenGrant grant = client.refresh("ghr_old");

        LoggedRequest request = onlyRequest();
        assertEquals("POST", request.getMethod().getName());
        assertEquals(TOKEN_PATH, request.getUrl());
        assertEquals("application/json", request.getHeader("Accept"));
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "ghr_old",
                "client_id", CLIENT_ID, "client_secret", SECRET), form(request));
        assertEquals("ghu_new", grant.accessToken());
        assertEquals("ghr_new", grant.refreshToken());
        assertEquals(NOW.plusSeconds(28800), grant.expiresAt());
    }

    @Test
    void badRefreshTokenIsOauthError() {
        stubToken(okJson("{\"error\":\"bad_refresh_token\",\"error_description\":\"The refresh token passed is "
                + "incorrect or expired.\",\"error_uri\":\"https://docs.github.com\"}"));

        GitHubException e = fails(GitHubException.Kind.OAUTH_ERROR, () -> client.refresh("ghr_old"));

        assertEquals("bad_refresh_token", e.oauthError());
        assertFalse(e.getMessage().contains("ghr_old"));
    }

    // ---------------------------------------------------------------- user

    @Test
    void userSendsApiHeadersAndReturnsUserAndEtag() throws Exception {
        stubUser(okJson(USER_JSON).withHeader("ETag", "W/\"etag-1\"").withHeader("X-OAuth-Scopes", "read:org, user:email"));

        UserLookup lookup = client.user(TOKEN, null);

        LoggedRequest request = onlyRequest();
        assertEquals("GET", request.getMethod().getName());
        assertEquals(API + "/user", request.getUrl());
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
        assertEquals("application/vnd.github+json", request.getHeader("Accept"));
        assertEquals("2022-11-28", request.getHeader("X-GitHub-Api-Version"));
        assertNotNull(request.getHeader("User-Agent"));
        assertFalse(request.getHeader("User-Agent").isBlank());
        assertFalse(request.containsHeader("If-None-Match"));

        assertFalse(lookup.notModified());
        assertEquals("W/\"etag-1\"", lookup.etag());
        assertEquals(new GitHubUser("octocat", 583231, "The Octocat",
                "https://avatars.githubusercontent.com/u/583231?v=4", "https://github.com/octocat"), lookup.user());
        assertEquals(List.of("read:org", "user:email"), lookup.grantedScopes());
    }

    @Test
    void conditionalUserSendsIfNoneMatchAnd304IsNotModified() throws Exception {
        wm.stubFor(get(urlPathEqualTo(API + "/user")).withHeader("If-None-Match", equalTo("W/\"etag-1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "W/\"etag-1\"")));

        UserLookup lookup = client.user(TOKEN, "W/\"etag-1\"");

        assertTrue(lookup.notModified());
        assertEquals("W/\"etag-1\"", lookup.etag());
        assertNull(lookup.user());
        LoggedRequest request = onlyRequest();
        assertEquals("W/\"etag-1\"", request.getHeader("If-None-Match"));
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
    }

    @Test
    void conditionalUserWithChangedUserReturnsTheNewUser() throws Exception {
        stubUser(okJson(USER_JSON).withHeader("ETag", "W/\"etag-2\""));

        UserLookup lookup = client.user(TOKEN, "W/\"etag-1\"");

        assertFalse(lookup.notModified());
        assertEquals("W/\"etag-2\"", lookup.etag());
        assertEquals("octocat", lookup.user().login());
    }

    @Test
    void unconditional304IsBadAnswer() {
        stubUser(aResponse().withStatus(304));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void userWith401IsUnauthorized() {
        stubUser(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));

        fails(GitHubException.Kind.UNAUTHORIZED, () -> client.user(TOKEN, null));
    }

    @Test
    void conditionalUserWith401IsUnauthorized() {
        stubUser(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad credentials\"}"));

        fails(GitHubException.Kind.UNAUTHORIZED, () -> client.user(TOKEN, "W/\"etag-1\""));
    }

    @Test
    void userWithoutLoginIsBadAnswer() {
        stubUser(okJson("{\"id\":583231,\"name\":\"The Octocat\"}"));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void userWithoutIdIsBadAnswer() {
        stubUser(okJson("{\"login\":\"octocat\",\"name\":\"The Octocat\"}"));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void userAsHtmlIsBadAnswer() {
        stubUser(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>"));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void userWithServerErrorIsBadAnswer() {
        stubUser(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(USER_JSON));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));
    }

    @Test
    void userRedirectIsNotFollowedAndTheTokenStaysHere() {
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(get(anyUrl()).willReturn(okJson(USER_JSON)));
            stubUser(aResponse().withStatus(301).withHeader("Location", base(other) + API + "/user"));

            fails(GitHubException.Kind.BAD_ANSWER, () -> client.user(TOKEN, null));

            assertEquals(0, other.getAllServeEvents().size(), "nothing sent to the other host");
        } finally {
            other.stop();
        }
    }

    // ---------------------------------------------------------------- organizations and teams

    String pageUrl(String path, int page) {
        return base(wm) + API + path + "?per_page=100" + (page == 1 ? "" : "&page=" + page);
    }

    /** GitHub's Link header on page {@code page} of {@code last}. */
    String links(String path, int page, int last) {
        StringBuilder link = new StringBuilder();
        if (page > 1) {
            link.append('<').append(pageUrl(path, page - 1)).append(">; rel=\"prev\", ");
        }
        if (page < last) {
            link.append('<').append(pageUrl(path, page + 1)).append(">; rel=\"next\", ");
            link.append('<').append(pageUrl(path, last)).append(">; rel=\"last\", ");
        }
        link.append('<').append(pageUrl(path, 1)).append(">; rel=\"first\"");
        return link.toString();
    }

    MappingBuilder page(String path, int page) {
        return get(urlEqualTo(API + path + "?per_page=100" + (page == 1 ? "" : "&page=" + page)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    void stubPages(String path, String... bodies) {
        for (int i = 1; i <= bodies.length; i++) {
            wm.stubFor(page(path, i).willReturn(okJson(bodies[i - 1]).withHeader("Link", links(path, i, bodies.length))));
        }
    }

    @Test
    void organizationsFollowsNextLinksAcrossThreePages() throws Exception {
        stubPages("/user/orgs",
                "[{\"login\":\"acme\",\"id\":1},{\"login\":\"globex\",\"id\":2}]",
                "[{\"login\":\"initech\",\"id\":3}]",
                "[{\"login\":\"umbrella\",\"id\":4},{\"login\":\"hooli\",\"id\":5}]");

        assertEquals(List.of("acme", "globex", "initech", "umbrella", "hooli"), client.organizations(TOKEN));

        List<LoggedRequest> requests = wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user/orgs")));
        assertEquals(3, requests.size(), () -> "requests: " + requests);
        for (LoggedRequest request : requests) {
            assertEquals("100", request.queryParameter("per_page").firstValue());
            assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
            assertEquals("application/vnd.github+json", request.getHeader("Accept"));
            assertEquals("2022-11-28", request.getHeader("X-GitHub-Api-Version"));
        }
    }

    @Test
    void organizationsWithoutLinkIsOnePage() throws Exception {
        wm.stubFor(page("/user/orgs", 1).willReturn(okJson("[{\"login\":\"acme\"}]")));

        assertEquals(List.of("acme"), client.organizations(TOKEN));
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/user/orgs")));
    }

    @Test
    void noOrganizationsIsEmpty() throws Exception {
        wm.stubFor(page("/user/orgs", 1).willReturn(okJson("[]")));

        assertEquals(List.of(), client.organizations(TOKEN));
    }

    @Test
    void teamsFollowsNextLinksAndNamesOrgSlash() throws Exception {
        stubPages("/user/teams",
                "[{\"slug\":\"core\",\"name\":\"Core\",\"organization\":{\"login\":\"acme\",\"id\":1}}]",
                "[{\"slug\":\"docs-team\",\"organization\":{\"login\":\"acme\"}},"
                        + "{\"slug\":\"ops\",\"organization\":{\"login\":\"globex\"}}]",
                "[{\"slug\":\"sec.ops_1\",\"organization\":{\"login\":\"initech\"}}]");

        assertEquals(List.of("acme/core", "acme/docs-team", "globex/ops", "initech/sec.ops_1"), client.teams(TOKEN));
        wm.verify(3, getRequestedFor(urlPathEqualTo(API + "/user/teams")));
    }

    @Test
    void nextLinkToAnotherServerIsRefusedAndGetsNoToken() {
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(get(anyUrl()).willReturn(okJson("[{\"login\":\"evil\"}]")));
            wm.stubFor(page("/user/orgs", 1).willReturn(okJson("[{\"login\":\"acme\"}]")
                    .withHeader("Link", "<" + base(other) + API + "/user/orgs?per_page=100&page=2>; rel=\"next\"")));

            fails(GitHubException.Kind.BAD_ANSWER, () -> client.organizations(TOKEN));

            assertEquals(0, other.getAllServeEvents().size(), "nothing sent to the other host");
        } finally {
            other.stop();
        }
    }

    @Test
    void nextLinkToAnotherHostNameIsRefused() {
        // Same server, but named differently: the link is refused before anything is sent.
        wm.stubFor(page("/user/teams", 1).willReturn(okJson("[]").withHeader("Link",
                "<http://localhost:" + wm.port() + API + "/user/teams?per_page=100&page=2>; rel=\"next\"")));
        wm.stubFor(page("/user/teams", 2).willReturn(okJson("[]")));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.teams(TOKEN));

        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/user/teams")));
    }

    @Test
    void nextLinkWithAnotherSchemeIsRefused() {
        wm.stubFor(page("/user/orgs", 1).willReturn(okJson("[]").withHeader("Link",
                "<https://127.0.0.1:" + wm.port() + API + "/user/orgs?per_page=100&page=2>; rel=\"next\"")));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.organizations(TOKEN));
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/user/orgs")));
    }

    @Test
    void endlessPaginationStops() {
        // A next link back to the same page would loop forever; the client gives up.
        wm.stubFor(page("/user/orgs", 1).willReturn(okJson("[{\"login\":\"acme\"}]")
                .withHeader("Link", "<" + pageUrl("/user/orgs", 1) + ">; rel=\"next\"")));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.organizations(TOKEN));

        int requests = wm.findAll(getRequestedFor(urlPathEqualTo(API + "/user/orgs"))).size();
        assertTrue(requests >= 2 && requests <= 100, "bounded number of pages read: " + requests);
    }

    @Test
    void organizationsWith401IsUnauthorized() {
        wm.stubFor(page("/user/orgs", 1).willReturn(aResponse().withStatus(401)));

        fails(GitHubException.Kind.UNAUTHORIZED, () -> client.organizations(TOKEN));
    }

    @Test
    void organizationsAsObjectIsBadAnswer() {
        wm.stubFor(page("/user/orgs", 1).willReturn(okJson("{\"message\":\"Not Found\"}")));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.organizations(TOKEN));
    }

    @Test
    void failingLaterPageFailsTheWholeList() {
        wm.stubFor(page("/user/teams", 1).willReturn(okJson("[{\"slug\":\"core\",\"organization\":{\"login\":\"acme\"}}]")
                .withHeader("Link", links("/user/teams", 1, 2))));
        wm.stubFor(page("/user/teams", 2).willReturn(aResponse().withStatus(502)));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.teams(TOKEN));
    }

    // ---------------------------------------------------------------- revokeGrant

    @Test
    void revokeGrantDeletesWithBasicAuthAndJsonBody() throws Exception {
        wm.stubFor(delete(urlPathEqualTo(API + "/applications/" + CLIENT_ID + "/grant"))
                .willReturn(aResponse().withStatus(204)));

        client.revokeGrant(TOKEN);

        LoggedRequest request = onlyRequest();
        assertEquals("DELETE", request.getMethod().getName());
        assertEquals(API + "/applications/" + CLIENT_ID + "/grant", request.getUrl());
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, request.getHeader("Authorization"));
        assertEquals("application/vnd.github+json", request.getHeader("Accept"));
        assertEquals("2022-11-28", request.getHeader("X-GitHub-Api-Version"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"), request.getHeader("Content-Type"));
        JsonObject body = Json.createReader(new StringReader(request.getBodyAsString())).readObject();
        assertEquals(1, body.size(), body::toString);
        assertEquals(TOKEN, body.getString("access_token"));
        assertFalse(request.getAbsoluteUrl().contains(SECRET));
        assertFalse(request.getAbsoluteUrl().contains(TOKEN));
    }

    @Test
    void revokeGrantWith500Fails() {
        wm.stubFor(delete(urlPathEqualTo(API + "/applications/" + CLIENT_ID + "/grant"))
                .willReturn(aResponse().withStatus(500)));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.revokeGrant(TOKEN));
        wm.verify(1, deleteRequestedFor(urlPathEqualTo(API + "/applications/" + CLIENT_ID + "/grant")));
    }

    @Test
    void revokeGrantWith422Fails() {
        wm.stubFor(delete(urlPathEqualTo(API + "/applications/" + CLIENT_ID + "/grant"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Validation Failed\"}")));

        fails(GitHubException.Kind.BAD_ANSWER, () -> client.revokeGrant(TOKEN));
    }

    @Test
    void tokenEndpointIsOnTheWebHostAndApiOnTheApiUrl() throws Exception {
        stubToken(okJson("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"\"}"));
        stubUser(okJson(USER_JSON));
        wm.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(404)));

        exchange();
        client.user(TOKEN, null);

        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        wm.verify(1, getRequestedFor(urlEqualTo(API + "/user")));
        wm.verify(0, getRequestedFor(urlEqualTo("/user")));
    }
}
