package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInStartTest {

    private static final String CLIENT_ID = TestSettings.CLIENT_ID;
    private static final String SECRET = TestSettings.SECRET;
    private static final URI REDIRECT = URI.create("https://app.example/cla/callback");

    private MutableClock clock;
    private PendingSignIns pending;
    private SignInStart start;

    private static SignInStart starter(Map<String, String> environment, PendingSignIns pending, MutableClock clock) {
        return new SignInStart(TestSettings.github(environment), TestSettings.signIn(environment), pending,
                new RandomTokens(), clock);
    }

    @BeforeEach
    void setUp() {
        clock = MutableClock.startingAt2024();
        pending = PendingSignInsTest.pendingSignIns("client-secret", clock);
        start = starter(Map.of("GITHUB_SCOPE", "read:org, user:email"), pending, clock);
    }

    /** The query parameters, decoded; fails on a repeated name. */
    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            assertEquals(null, parameters.put(name, value), "repeated parameter " + name);
        }
        return parameters;
    }

    /** What travelled with the browser, by state. */
    private final Map<String, PendingSignIns.Sealed> travelling = new HashMap<>();

    private URI begin(SignInStart starter, String next, URI redirect, boolean selectAccount) {
        SignInStart.Started started = starter.start(next, redirect, selectAccount);
        travelling.put(query(started.authorizeUrl()).get("state"), started.pending());
        return started.authorizeUrl();
    }

    private PendingSignIn takeFor(URI authorize) {
        String state = query(authorize).get("state");
        PendingSignIns.Taken taken = pending.take(state, travelling.get(state).value());
        assertTrue(taken.found(), "no pending sign-in for the state in " + authorize);
        return taken.pending();
    }

    @Test
    void authorizeUrlGoesToGithub() {
        URI authorize = begin(start, "/", REDIRECT, false);
        assertEquals("https", authorize.getScheme());
        assertEquals("github.com", authorize.getHost());
        assertEquals("/login/oauth/authorize", authorize.getPath());
        assertEquals(null, authorize.getFragment());
    }

    @Test
    void authorizeUrlHasEveryParameter() {
        URI authorize = begin(start, "/after", REDIRECT, false);
        Map<String, String> q = query(authorize);
        assertEquals(Set.of("client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"),
                q.keySet());
        assertEquals(CLIENT_ID, q.get("client_id"));
        assertEquals(REDIRECT.toString(), q.get("redirect_uri"));
        assertEquals("read:org user:email", q.get("scope"));
        assertEquals("S256", q.get("code_challenge_method"));
    }

    @Test
    void spacesInScopeAreEncodedAsPercent20() {
        URI authorize = begin(start, "/", REDIRECT, false);
        assertTrue(authorize.getRawQuery().contains("scope=read%3Aorg%20user%3Aemail"), authorize.getRawQuery());
    }

    @Test
    void emptyScopeIsSentEmpty() {
        SignInStart noScope = starter(Map.of(), pending, clock);
        assertEquals("", query(begin(noScope, "/", REDIRECT, false)).get("scope"));
    }

    @Test
    void stateHasAtLeast128BitsOfBase64Url() {
        String state = query(begin(start, "/", REDIRECT, false)).get("state");
        assertTrue(state.matches("[A-Za-z0-9_-]+"), state);
        byte[] decoded = Base64.getUrlDecoder().decode(state);
        assertTrue(decoded.length * 8 >= 128, "only " + decoded.length * 8 + " bits");
    }

    @Test
    void codeChallengeIsS256OfTheStoredVerifier() {
        URI authorize = begin(start, "/", REDIRECT, false);
        String challenge = query(authorize).get("code_challenge");
        PendingSignIn stored = takeFor(authorize);
        assertTrue(stored.codeVerifier().matches("[A-Za-z0-9\\-._~]{43,128}"), stored.codeVerifier());
        assertEquals(Pkce.challenge(stored.codeVerifier()), challenge);
        assertNotEquals(stored.codeVerifier(), challenge);
    }

    @Test
    void storedSignInHasRedirectUriNextAndTime() {
        URI authorize = begin(start, "/docs/page?x=1&y=2", REDIRECT, false);
        PendingSignIn stored = takeFor(authorize);
        assertEquals(REDIRECT, stored.redirectUri());
        assertEquals("/docs/page?x=1&y=2", stored.next());
        assertEquals(clock.instant(), stored.createdAt());
    }

    @Test
    void promptOnlyWhenAsked() {
        assertFalse(query(begin(start, "/", REDIRECT, false)).containsKey("prompt"));
        assertEquals("select_account", query(begin(start, "/", REDIRECT, true)).get("prompt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "https://evil.com", "/\\evil.com", "/%2F%2Fevil.com", "/a%0d%0ab",
            "/../other-app", ""})
    void nextIsSanitisedBeforeBeingStored(String next) {
        assertEquals("/", takeFor(begin(start, next, REDIRECT, false)).next());
    }

    @Test
    void nullNextIsStoredAsHome() {
        assertEquals("/", takeFor(begin(start, null, REDIRECT, false)).next());
    }

    @Test
    void nextIsNotPutInTheAuthorizeUrl() {
        URI authorize = begin(start, "/private/next-marker", REDIRECT, false);
        assertFalse(authorize.toString().contains("next-marker"), authorize.toString());
    }

    @Test
    void secretNeverInTheAuthorizeUrl() {
        URI authorize = begin(start, "/", REDIRECT, true);
        assertFalse(authorize.toString().contains(SECRET), authorize.toString());
    }

    @Test
    void eachCallHasAFreshStateAndVerifier() {
        Set<String> states = new HashSet<>();
        Set<String> challenges = new HashSet<>();
        Set<String> verifiers = new HashSet<>();
        URI[] urls = new URI[5];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = begin(start, "/" + i, REDIRECT, false);
            clock.advance(Duration.ofSeconds(1));
            Map<String, String> q = query(urls[i]);
            assertTrue(states.add(q.get("state")), "state repeated");
            assertTrue(challenges.add(q.get("code_challenge")), "challenge repeated");
        }
        assertEquals(urls.length, travelling.size());
        for (int i = 0; i < urls.length; i++) {
            PendingSignIn stored = takeFor(urls[i]);
            assertEquals("/" + i, stored.next());
            assertTrue(verifiers.add(stored.codeVerifier()), "verifier repeated");
            assertFalse(states.contains(stored.codeVerifier()), "verifier equals a state");
        }
    }

    @Test
    void enterpriseServerAuthorizeUrlKeepsThePathPrefix() {
        SignInStart ghes = starter(Map.of("GITHUB_URL", "https://ghe.example/prefix/"), pending, clock);
        URI authorize = begin(ghes, "/", REDIRECT, false);
        assertEquals("ghe.example", authorize.getHost());
        assertEquals("/prefix/login/oauth/authorize", authorize.getPath());
    }

    @Test
    void redirectUriWithSpecialCharactersRoundTrips() {
        URI redirect = URI.create("http://localhost:8080/my%20app/callback");
        URI authorize = begin(start, "/", redirect, false);
        assertEquals(redirect.toString(), query(authorize).get("redirect_uri"));
        assertEquals(redirect, takeFor(authorize).redirectUri());
    }
}
