package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.github.GitHubException;
import dev.octogate.github.TokenGrant;
import dev.octogate.signin.SignInCompletion.Callback;
import dev.octogate.signin.SignInResult.Refused;
import dev.octogate.signin.SignInResult.SignedIn;
import dev.octogate.testing.LogCapture;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Steps 2 to 5 against GitHub in memory: every way a callback can end, and what reached GitHub. */
class SignInCompletionTest {

    static final String STATE = "state-of-this-sign-in";
    static final String CODE = "the-code";
    static final String TOKEN = "gho_token";
    static final URI REDIRECT = URI.create("https://cla.example.org/callback");

    @RegisterExtension
    final LogCapture logs = LogCapture.of("dev.octogate.signin");

    MutableClock clock;
    FakeGitHub github;
    PendingSignIns pending;
    SignedInSessions sessions;
    MapSession session;
    /** The pending sign-ins the browser carries, by state. */
    final Map<String, PendingSignIns.Sealed> browser = new HashMap<>();

    @BeforeEach
    void setUp() {
        clock = MutableClock.startingAt2024();
        github = new FakeGitHub().code(CODE, TOKEN, FakeGitHub.OCTOCAT);
        pending = PendingSignInsTest.pendingSignIns(TestSettings.SECRET, clock);
        sessions = TestSettings.sessions();
        session = new MapSession();
        start(STATE, new PendingSignIn("the-verifier", "/agreements/individual", REDIRECT, clock.instant()));
    }

    void start(String state, PendingSignIn signIn) {
        browser.put(state, pending.seal(state, signIn));
    }

    /** What the browser's cookie of this state gives (as the web layer reads it). */
    PendingSignIns.Taken taken(String state) {
        PendingSignIns.Sealed sealed = state == null ? null : browser.get(state);
        return pending.take(state, sealed == null ? null : sealed.value());
    }

    SignInCompletion completion(Map<String, String> settings) {
        return new SignInCompletion(TestSettings.signIn(settings), sessions, github, github, new RandomTokens(), clock);
    }

    SignInResult complete(Callback callback) {
        return complete(Map.of(), callback);
    }

    SignInResult complete(Map<String, String> settings, Callback callback) {
        return completion(settings).complete(taken(callback.state()), callback, session);
    }

    static Callback code(String code) {
        return new Callback(STATE, code, null, null);
    }

    static Callback error(String error, String description) {
        return new Callback(STATE, null, error, description);
    }

    Refused refused(SignInResult result, Refusal reason) {
        Refused refused = assertInstanceOf(Refused.class, result);
        assertEquals(reason, refused.reason());
        assertTrue(sessions.current(session).isEmpty(), "not signed in");
        assertEquals(0, session.renewals(), "no new session id");
        return refused;
    }

    // ---------------------------------------------------------------- signed in

    @Test
    void aGoodCodeSignsTheSessionInUnderANewIdAndLeadsToNext() {
        SignedIn signedIn = assertInstanceOf(SignedIn.class, complete(code(CODE)));
        assertEquals("/agreements/individual", signedIn.next());
        assertEquals(FakeGitHub.OCTOCAT, signedIn.user().profile());
        assertEquals(TOKEN, signedIn.user().accessToken());
        assertEquals(signedIn.user(), sessions.current(session).orElseThrow());
        assertEquals(1, session.renewals(), "session fixation: a new id");
        assertEquals(List.of("token", "user"), github.calls());
        assertEquals("the-verifier", github.lastVerifier);
        assertEquals(REDIRECT, github.lastRedirectUri, "the exact redirect_uri of the authorize request");
        assertEquals(clock.instant(), signedIn.user().signedInAt());
        assertEquals(clock.instant().plusSeconds(300), signedIn.user().checkDueAt());
        assertFalse(signedIn.user().admin());
        assertTrue(signedIn.user().csrfToken().length() >= 32, "an unguessable anti-CSRF token");
        assertTrue(logs.messages(Level.INFO).contains("sign-in: login=octocat id=583231 outcome=signed-in"),
                logs.all().toString());
    }

    @Test
    void scopesAreThoseGitHubReportsForTheTokenElseThoseOfTheGrant() {
        github.code("code-2", new TokenGrant("gho_2", List.of("read:org"), null, null, null), FakeGitHub.OCTOCAT,
                List.of(), List.of());
        start("state-2", new PendingSignIn("v", "/", REDIRECT, clock.instant()));
        SignedIn fromGrant = assertInstanceOf(SignedIn.class, complete(new Callback("state-2", "code-2", null, null)));
        assertEquals(List.of("read:org"), fromGrant.user().scopes());

        github.reportScopes(List.of("read:org", "user:email"));
        SignedIn reported = assertInstanceOf(SignedIn.class, complete(code(CODE)));
        assertEquals(List.of("read:org", "user:email"), reported.user().scopes());
    }

    @Test
    void anExpiringTokenIsKeptWithItsRefreshTokenAndCheckedBeforeItExpires() {
        Instant expires = clock.instant().plus(Duration.ofMinutes(3));
        github.code("code-x", new TokenGrant("ghu_x", List.of(), expires, "ghr_x", null), FakeGitHub.OCTOCAT,
                List.of(), List.of());
        SignedIn signedIn = assertInstanceOf(SignedIn.class, complete(code("code-x")));
        assertEquals(expires, signedIn.user().tokenExpiresAt());
        assertEquals("ghr_x", signedIn.user().refreshToken());
        assertEquals(expires.minusSeconds(60), signedIn.user().checkDueAt());
    }

    @Test
    void anAdminIsDecidedAtSignInAndKeptInTheSession() {
        SignedIn signedIn = assertInstanceOf(SignedIn.class,
                complete(Map.of("APP_ADMINS", "OctoCat"), code(CODE)));
        assertTrue(signedIn.user().admin());
        assertTrue(sessions.current(session).orElseThrow().admin());
        assertEquals(List.of("token", "user"), github.calls(), "a login needs no call");
    }

    // ---------------------------------------------------------------- state

    @Test
    void noStateIsRefusedWithoutCallingGitHub() {
        Refused refused = refused(complete(new Callback(null, CODE, null, null)), Refusal.STATE_MISSING);
        assertEquals(SafeRedirects.HOME, refused.next());
        assertEquals(List.of(), github.calls());
    }

    @Test
    void anUnknownStateIsRefusedWithoutCallingGitHub() {
        refused(complete(new Callback("someone-elses", CODE, null, null)), Refusal.STATE_UNKNOWN);
        assertEquals(List.of(), github.calls());
    }

    @Test
    void aBrowserWithoutThePendingSignInOfItsStateIsRefused() {
        browser.clear();
        refused(complete(code(CODE)), Refusal.STATE_UNKNOWN);
        assertEquals(List.of(), github.calls());
    }

    @Test
    void anotherBrowsersPendingSignInDoesNotOpenForThisState() {
        browser.put(STATE, pending.seal("the-attackers-state", new PendingSignIn("v", "/", REDIRECT, clock.instant())));
        refused(complete(code(CODE)), Refusal.STATE_UNKNOWN);
        assertEquals(List.of(), github.calls());
    }

    @Test
    void anExpiredStateIsRefused() {
        clock.advance(PendingSignIns.LIFETIME);
        refused(complete(code(CODE)), Refusal.STATE_EXPIRED);
        assertEquals(List.of(), github.calls());
    }

    @Test
    void gitHubsErrorsWithoutAMatchingStateAreRefusedAsInvalidStateAndNotLoggedAsOperatorMistakes() {
        Refused refused = assertInstanceOf(Refused.class,
                complete(new Callback("forged", null, "redirect_uri_mismatch", "evil.example")));
        assertEquals(Refusal.STATE_UNKNOWN, refused.reason());
        assertTrue(logs.messages(Level.SEVERE).isEmpty(), logs.all().toString());
    }

    // ---------------------------------------------------------------- GitHub's answer at authorize

    @Test
    void cancellingAtGitHubIsItsOwnReason() {
        Refused refused = refused(complete(error("access_denied", "The user has denied your application access.")),
                Refusal.CANCELLED);
        assertEquals("/agreements/individual", refused.next(), "starting again leads to the same place");
        assertEquals(List.of(), github.calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"redirect_uri_mismatch", "application_suspended"})
    void theAppRefusedAtAuthorizeTellsTheOperatorWhatToDo(String error) {
        Refused refused = refused(complete(error(error, "details\nwith a new line")), Refusal.APP_REFUSED);
        assertEquals(error, refused.githubError());
        List<String> severe = logs.messages(Level.SEVERE);
        assertEquals(1, severe.size(), logs.all().toString());
        assertTrue(severe.get(0).contains(error) && !severe.get(0).contains("\n"), severe.get(0));
    }

    @Test
    void anotherErrorAtAuthorizeNamesGitHubsError() {
        Refused refused = refused(complete(error("temporarily_unavailable", null)), Refusal.AUTHORIZE_ERROR);
        assertEquals("temporarily_unavailable", refused.githubError());
    }

    @Test
    void noCodeIsRefused() {
        refused(complete(code(" ")), Refusal.MISSING_CODE);
        assertEquals(List.of(), github.calls());
    }

    // ---------------------------------------------------------------- the token endpoint

    @Test
    void aRejectedCodeAsksToStartAgain() {
        refused(complete(code("not-a-code")), Refusal.CODE_REJECTED);
        assertEquals(List.of("token"), github.calls(), "a code is never sent twice");
    }

    @Test
    void anUnverifiedEmailIsItsOwnReason() {
        github.failNext("token", GitHubException.oauth("unverified_user_email", "x"));
        refused(complete(code(CODE)), Refusal.EMAIL_UNVERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"incorrect_client_credentials", "redirect_uri_mismatch"})
    void theAppsCredentialsRefusedTellTheOperatorTheRemedy(String error) {
        github.failNext("token", GitHubException.oauth(error, "x"));
        refused(complete(code(CODE)), Refusal.APP_CREDENTIALS_REJECTED);
        List<String> severe = logs.messages(Level.SEVERE);
        assertEquals(1, severe.size(), logs.all().toString());
        assertTrue(severe.get(0).contains(error.equals("incorrect_client_credentials")
                ? "GITHUB_CLIENT_SECRET" : "APP_BASE_URL"), severe.get(0));
        assertFalse(severe.get(0).contains(TestSettings.SECRET));
    }

    @Test
    void anotherTokenErrorNamesGitHubsError() {
        github.failNext("token", GitHubException.oauth("unsupported_grant_type", "x"));
        assertEquals("unsupported_grant_type", refused(complete(code(CODE)), Refusal.TOKEN_ERROR).githubError());
    }

    // ---------------------------------------------------------------- GitHub failing

    @Test
    void aTimeoutIsItsOwnReason() {
        github.failNext("token", FakeGitHub.failure(GitHubException.Kind.TIMEOUT));
        refused(complete(code(CODE)), Refusal.GITHUB_TIMEOUT);
        assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("timeout")), logs.all().toString());
    }

    @Test
    void gitHubsRateLimitCarriesItsWait() {
        github.failNext("user", GitHubException.rateLimited(Duration.ofSeconds(42), "x"));
        assertEquals(Duration.ofSeconds(42), refused(complete(code(CODE)), Refusal.GITHUB_BUSY).retryAfter());
    }

    @Test
    void tooManyCallsInFlightAsksToComeBackSoon() {
        github.failNext("token", FakeGitHub.failure(GitHubException.Kind.OVERLOADED));
        assertEquals(Duration.ofSeconds(5), refused(complete(code(CODE)), Refusal.GITHUB_BUSY).retryAfter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNREACHABLE", "BAD_ANSWER", "UNAUTHORIZED"})
    void anyOtherFailureIsGitHubUnavailable(String kind) {
        github.failNext("user", FakeGitHub.failure(GitHubException.Kind.valueOf(kind)));
        refused(complete(code(CODE)), Refusal.GITHUB_UNAVAILABLE);
    }

    // ---------------------------------------------------------------- who may sign in

    @Test
    void anAccountOnNoAllowListIsRefusedByName() {
        Refused refused = refused(complete(Map.of("GITHUB_ALLOWED_USERS", "hubot"), code(CODE)),
                Refusal.NOT_ALLOWED);
        assertEquals("octocat", refused.login());
        assertEquals("/agreements/individual", refused.next());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("login=octocat id=583231")
                && l.contains("refused") && l.contains("allow-list")), logs.all().toString());
    }

    @Test
    void aFailedMembershipCheckIsAGitHubFailureNamingTheAccount() {
        github.failNext("orgs", FakeGitHub.failure(GitHubException.Kind.UNREACHABLE));
        Refused refused = refused(complete(Map.of("GITHUB_ALLOWED_ORGS", "github"), code(CODE)),
                Refusal.GITHUB_UNAVAILABLE);
        assertEquals("octocat", refused.login());
        assertNull(refused.retryAfter());
    }
}
