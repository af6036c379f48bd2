package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import dev.octogate.github.TokenGrant;
import dev.octogate.testing.LogCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Step 6 with a controlled clock and GitHub in memory: every way a check can end. */
class SessionRevalidationTest {

    static final String TOKEN = "gho_token";

    @RegisterExtension
    final LogCapture logs = LogCapture.of("dev.octogate.signin");

    FakeGitHub github;
    SignedInSessions sessions = TestSettings.sessions();
    MutableClock clock;
    SessionRevalidation revalidation;
    MapSession session;

    @BeforeEach
    void setUp() {
        github = new FakeGitHub().account(TOKEN, FakeGitHub.OCTOCAT, List.of(), List.of());
        clock = MutableClock.startingAt2024();
        revalidation = revalidation(Map.of("APP_REVALIDATE_SECONDS", "300", "APP_SESSION_MAX_HOURS", "24"));
        session = new MapSession();
    }

    SessionRevalidation revalidation(Map<String, String> settings) {
        return new SessionRevalidation(TestSettings.signIn(settings), sessions, github, github, clock);
    }

    SignedInUser signedIn(Instant expiresAt, String refreshToken) {
        Instant now = clock.instant();
        SignedInUser user = new SignedInUser(FakeGitHub.OCTOCAT, TOKEN, List.of(), expiresAt, refreshToken,
                "W/\"583231\"", now, SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), expiresAt, refreshToken),
                "csrf", false);
        sessions.store(session, user);
        return user;
    }

    long calls(String name) {
        return github.calls().stream().filter(name::equals).count();
    }

    @Test
    void noSignedInUserIsNobody() {
        assertTrue(revalidation.current(session).isEmpty());
        assertEquals(List.of(), github.calls());
    }

    @Test
    void noCallToGitHubBeforeTheIntervalIsUp() {
        signedIn(null, null);
        clock.advance(Duration.ofSeconds(299));
        assertTrue(revalidation.current(session).isPresent());
        assertEquals(0, calls("user"));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(revalidation.current(session).isPresent());
        assertEquals(1, calls("user"));
        assertTrue(revalidation.current(session).isPresent());
        assertEquals(1, calls("user"), "the next check is 300 s later");
    }

    @Test
    void unchangedAnswerKeepsTheProfileAndSchedulesTheNextCheck() {
        SignedInUser before = signedIn(null, null);
        clock.advance(Duration.ofSeconds(300));
        SignedInUser after = revalidation.current(session).orElseThrow();
        assertEquals(before.profile(), after.profile());
        assertEquals(before.etag(), after.etag());
        assertEquals(clock.instant().plusSeconds(300), after.checkDueAt());
        assertEquals(after, sessions.current(session).orElseThrow(), "stored again");
    }

    @Test
    void aChangedProfileIsAdopted() {
        signedIn(null, null);
        GitHubUser renamedDisplay = new GitHubUser("octocat", 583231, "Mona's Octocat", null, null);
        github.changeProfile(TOKEN, renamedDisplay);
        clock.advance(Duration.ofSeconds(300));
        SignedInUser after = revalidation.current(session).orElseThrow();
        assertEquals("Mona's Octocat", after.profile().name());
        assertEquals("W/\"583231-octocat\"", after.etag());
    }

    @Test
    void aRevokedTokenEndsTheSession() {
        signedIn(null, null);
        github.revokeToken(TOKEN);
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isEmpty());
        assertTrue(sessions.current(session).isEmpty(), "cleared from the session");
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("login=octocat id=583231")
                && l.contains("outcome=session-ended") && l.contains("no longer valid")), logs.all().toString());
    }

    @Test
    void aSuspendedAccountEndsTheSession() {
        signedIn(null, null);
        github.failNext("user", new GitHubException(GitHubException.Kind.FORBIDDEN, "fake GitHub: 403"));
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isEmpty());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("outcome=session-ended")
                && l.contains("403")), logs.all().toString());
    }

    @Test
    void theRateLimitIsAnOutageNotASuspension() {
        signedIn(null, null);
        github.failNext("user", GitHubException.rateLimited(Duration.ofSeconds(60), "fake GitHub: rate limit"));
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isPresent());
    }

    @Test
    void aTokenThatNowNamesAnotherAccountEndsTheSession() {
        signedIn(null, null);
        github.changeProfile(TOKEN, new GitHubUser("octocat", 999, "Not the same account", null, null));
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isEmpty());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("another GitHub account")),
                logs.all().toString());
    }

    @Test
    void anAccountRemovedFromTheAllowedOrganisationAndRenamedIsSignedOut() {
        revalidation = revalidation(Map.of("GITHUB_ALLOWED_ORGS", "github"));
        github.account(TOKEN, FakeGitHub.OCTOCAT, List.of("github"), List.of());
        signedIn(null, null);
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isPresent(), "still a member");

        github.account(TOKEN, new GitHubUser("octocat-renamed", 583231, null, null, null), List.of(), List.of());
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isEmpty());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("no longer on any allow-list")),
                logs.all().toString());
    }

    @Test
    void theAllowListsAreAppliedEvenWhenTheProfileIsUnchanged() {
        revalidation = revalidation(Map.of("GITHUB_ALLOWED_USERS", "hubot"));
        signedIn(null, null);
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isEmpty(), "304 from /user, and octocat is not allowed");
    }

    @Test
    void anOutageWhileCheckingMembershipsKeepsTheSession() {
        revalidation = revalidation(Map.of("GITHUB_ALLOWED_TEAMS", "github/core"));
        github.account(TOKEN, FakeGitHub.OCTOCAT, List.of(), List.of("github/core"));
        signedIn(null, null);
        github.failNext("teams", FakeGitHub.failure(GitHubException.Kind.TIMEOUT));
        clock.advance(Duration.ofSeconds(300));
        assertEquals(clock.instant().plusSeconds(30), revalidation.current(session).orElseThrow().checkDueAt());
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
        assertTrue(sessions.current(session).isEmpty());
    }

    @Test
    void outageKeepsTheSessionAndRetriesAfterThirtySecondsNotOnEveryRequest() {
        signedIn(null, null);
        github.failNext("user", FakeGitHub.failure(GitHubException.Kind.BAD_ANSWER));
        clock.advance(Duration.ofSeconds(300));
        assertTrue(revalidation.current(session).isPresent());
        assertTrue(revalidation.current(session).isPresent());
        assertEquals(1, calls("user"));
        assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("keeping it")), logs.all().toString());
        clock.advance(Duration.ofSeconds(30));
        assertTrue(revalidation.current(session).isPresent());
        assertEquals(2, calls("user"));
    }

    @Test
    void outageRetryIsNeverLaterThanTheInterval() {
        revalidation = revalidation(Map.of("APP_REVALIDATE_SECONDS", "10"));
        signedIn(null, null);
        sessions.store(session, sessions.current(session).orElseThrow().checkAgainAt(clock.instant()));
        github.failNext("user", FakeGitHub.failure(GitHubException.Kind.TIMEOUT));
        assertEquals(clock.instant().plusSeconds(10), revalidation.current(session).orElseThrow().checkDueAt());
    }

    @Test
    void expiringTokenIsRefreshedAMinuteBeforeExpiry() {
        github.refreshes("ghr_old", TOKEN, new TokenGrant("gho_new", List.of(),
                clock.instant().plus(Duration.ofHours(16)), "ghr_new", null));
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_old");
        clock.advance(Duration.ofHours(8).minusSeconds(61));
        assertTrue(revalidation.current(session).isPresent());
        assertEquals(0, calls("refresh"));
        assertEquals(1, calls("user"), "an ordinary check on the way");
        clock.advance(Duration.ofSeconds(1));
        SignedInUser refreshed = revalidation.current(session).orElseThrow();
        assertEquals(1, calls("refresh"));
        assertEquals("gho_new", refreshed.accessToken());
        assertEquals("ghr_new", refreshed.refreshToken());
        assertEquals(clock.instant().plus(Duration.ofHours(8)).plusSeconds(60), refreshed.tokenExpiresAt());
        assertEquals(clock.instant().plusSeconds(300), refreshed.checkDueAt());
        assertEquals(refreshed, sessions.current(session).orElseThrow());
    }

    @Test
    void aRefreshWithoutANewRefreshTokenKeepsTheOldOne() {
        github.refreshes("ghr_old", TOKEN, new TokenGrant("gho_new", List.of(),
                clock.instant().plus(Duration.ofHours(16)), null, null));
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_old");
        clock.advance(Duration.ofHours(8).minusSeconds(60));
        assertEquals("ghr_old", revalidation.current(session).orElseThrow().refreshToken());
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_unknown");
        clock.advance(Duration.ofHours(8).minusSeconds(60));
        assertTrue(revalidation.current(session).isEmpty());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("bad_refresh_token")), logs.all().toString());
    }

    @Test
    void aRefreshOutageIsWaitedOutWhileTheTokenStillWorks() {
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_old");
        github.failNext("refresh", FakeGitHub.failure(GitHubException.Kind.UNREACHABLE));
        clock.advance(Duration.ofHours(8).minusSeconds(60));
        SignedInUser kept = revalidation.current(session).orElseThrow();
        assertEquals(clock.instant().plusSeconds(30), kept.checkDueAt());
        assertEquals(TOKEN, kept.accessToken());
    }

    @Test
    void anExpiredTokenThatCannotBeRefreshedEndsTheSessionEvenInAnOutage() {
        signedIn(clock.instant().plus(Duration.ofHours(8)), "ghr_old");
        github.failNext("refresh", FakeGitHub.failure(GitHubException.Kind.BAD_ANSWER))
                .failNext("refresh", FakeGitHub.failure(GitHubException.Kind.BAD_ANSWER));
        clock.advance(Duration.ofHours(8).minusSeconds(30));
        assertTrue(revalidation.current(session).isPresent(), "still valid for 30 s: wait the outage out");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(revalidation.current(session).isEmpty(), "expired and not refreshed: signed out");
    }

    @Test
    void aCheckAlreadyInFlightForTheSessionIsNotRepeated() throws Exception {
        signedIn(null, null);
        clock.advance(Duration.ofSeconds(300));
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SessionRevalidation blocking = new SessionRevalidation(TestSettings.signIn(Map.of()), sessions, github,
                new BlockingUsers(github, inside, release), clock);
        Thread first = new Thread(() -> blocking.current(session));
        first.start();
        assertTrue(inside.await(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(blocking.current(session).isPresent(), "answered with the sign-in as it stands");
        release.countDown();
        first.join(5000);
        assertEquals(1, calls("user"), "one check for both requests");
    }

    @Test
    void nextCheckIsTheEarlierOfIntervalAndRefreshTime() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertEquals(now.plusSeconds(300), SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), null, null));
        assertEquals(now.plusSeconds(40), SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), now.plusSeconds(100), "r"));
        assertEquals(now.plusSeconds(300), SessionRevalidation.nextCheck(now, Duration.ofSeconds(300), now.plusSeconds(100), null),
                "no refresh token: nothing to refresh");
    }

    /** The fake's {@code /user}, held until released, to have a check in flight. */
    private record BlockingUsers(FakeGitHub github, java.util.concurrent.CountDownLatch inside,
                                 java.util.concurrent.CountDownLatch release) implements dev.octogate.github.UserApi {
        @Override
        public dev.octogate.github.UserLookup user(String token, String etag) throws GitHubException {
            inside.countDown();
            try {
                release.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return github.user(token, etag);
        }

        @Override
        public List<String> organizations(String token) throws GitHubException {
            return github.organizations(token);
        }

        @Override
        public List<String> teams(String token) throws GitHubException {
            return github.teams(token);
        }

        @Override
        public List<String> verifiedEmails(String token) throws GitHubException {
            return github.verifiedEmails(token);
        }
    }
}
