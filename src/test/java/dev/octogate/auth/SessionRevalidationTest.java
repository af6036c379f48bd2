package dev.octogate.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.config.Settings;
import dev.octogate.config.SettingsLoader;
import dev.octogate.config.SettingsSource;
import dev.octogate.github.GitHubClient;
import dev.octogate.github.GitHubTransport;
import dev.octogate.github.GitHubUser;
import dev.octogate.testing.GitHubMock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 6 with a controlled clock: when checks happen, the absolute lifetime, and outage back-off. */
class SessionRevalidationTest {

    GitHubMock github;
    MutableClock clock;
    GitHubClient client;
    SessionRevalidation revalidation;
    MapSession session;

    @BeforeEach
    void setUp() {
        github = new GitHubMock().happyPath();
        clock = MutableClock.startingAt2024();
        Settings settings = new SettingsLoader(SettingsSource.of(Map.of(
                "github.client-id", "id", "github.client-secret", "secret",
                "github.url", github.uri().toString(), "github.api-url", github.uri().toString(),
                "app.revalidate-seconds", "300", "app.session-max-hours", "24")::get),
                SettingsSource.none(), SettingsSource.none()).load();
        client = new GitHubClient(settings, new GitHubTransport(settings.timeout(), clock), clock);
        revalidation = new SessionRevalidation(settings, client, clock);
        session = new MapSession();
    }

    @AfterEach
    void tearDown() {
        client.close();
        github.close();
    }

    SignedInUser signedIn(Instant expiresAt, String refreshToken) {
        Instant now = clock.instant();
        SignedInUser user = new SignedInUser(new GitHubUser("octocat", 583231, "The Octocat", null, null),
                GitHubMock.TOKEN, List.of(), expiresAt, refreshToken, "W/\"etag-1\"", now,
                SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), expiresAt, refreshToken), "csrf");
        SignedInSessions.store(session, user);
        return user;
    }

    @Test
    void noCallToGitHubBeforeTheIntervalIsUp() {
        signedIn(null, null);
        clock.advance(Duration.ofSeconds(299));
        assertTrue(revalidation.current(session).isPresent());
        github.server.verify(exactly(0), getRequestedFor(urlPathEqualTo("/user")));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(revalidation.current(session).isPresent());
        github.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/user")));
        assertTrue(revalidation.current(session).isPresent());
        github.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/user")));
    }

    @Test
    void absoluteLifetimeEndsEvenAnActiveSession() {
        signedIn(null, null);
        for (int hour = 0; hour < 23; hour++) {
            clock.advance(Duration.ofHours(1));
            assertTrue(revalidation.current(session).isPresent(), "hour " + hour);
        }
        clock.advance(Duration.ofMinutes(59));
        assertTrue(revalidation.current(session).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(revalidation.current(session).isEmpty(), "ended after 24 h");
        assertTrue(SignedInSessions.current(session).isEmpty());
    }

    @Test
    void outageRetriesAfterThirtySecondsNotOnEveryRequest() {
        signedIn(null, null);
        github.server.resetAll();
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/user"))
                .willReturn(aResponse().withStatus(502)));
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isPresent());
        assertTrue(revalidation.current(session).isPresent());
        github.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/user")));
        clock.advance(Duration.ofSeconds(30));
        assertTrue(revalidation.current(session).isPresent());
        github.server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/user")));
    }

    @Test
    void expiringTokenIsRefreshedAMinuteBeforeExpiry() {
        github.stubToken("{\"access_token\":\"" + GitHubMock.TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":28800,"
                + "\"refresh_token\":\"ghr_new\"}");
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_old");
        clock.advance(Duration.ofHours(8).minusSeconds(61));
        assertTrue(revalidation.current(session).isPresent());
        github.server.verify(exactly(0), postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
        github.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/user")));
        clock.advance(Duration.ofSeconds(1));
        SignedInUser refreshed = revalidation.current(session).orElseThrow();
        github.server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
        assertEquals("ghr_new", refreshed.refreshToken());
        assertEquals(clock.instant().plus(Duration.ofHours(8)), refreshed.tokenExpiresAt());
        assertEquals(clock.instant().plusSeconds(300), refreshed.checkDueAt());
    }

    @Test
    void anExpiredTokenThatCannotBeRefreshedEndsTheSessionEvenInAnOutage() {
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_old");
        github.server.resetAll();
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/login/oauth/access_token"))
                .willReturn(aResponse().withStatus(502)));
        clock.advance(Duration.ofHours(8).minusSeconds(30));
        assertTrue(revalidation.current(session).isPresent(), "still valid for 30 s: wait the outage out");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(revalidation.current(session).isEmpty(), "expired and not refreshed: signed out");
    }

    @Test
    void nextCheckIsTheEarlierOfIntervalAndRefreshTime() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertEquals(now.plusSeconds(300), SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), null, null));
        assertEquals(now.plusSeconds(40), SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), now.plusSeconds(100), "r"));
        assertEquals(now.plusSeconds(300), SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), now.plusSeconds(100), null),
                "no refresh token: nothing to refresh");
    }
}
