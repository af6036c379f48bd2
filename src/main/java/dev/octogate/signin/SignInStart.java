package dev.octogate.signin;

import dev.octogate.github.AuthorizeRequest;
import dev.octogate.github.GitHubSettings;
import java.net.URI;
import java.time.Clock;

/**
 * Step 1 of the flow: a fresh {@code state} and PKCE verifier, the pending sign-in sealed to travel
 * with the browser, and the GitHub authorize URL to send it to. Nothing is kept on the server.
 */
public final class SignInStart {

    /** 32 bytes: twice the 128 bits of randomness the flow asks for. */
    private static final int STATE_BYTES = 32;

    /** Where to send the browser, and the pending sign-in it carries meanwhile. */
    public record Started(URI authorizeUrl, PendingSignIns.Sealed pending) {
    }

    private final GitHubSettings github;
    private final SignInSettings settings;
    private final PendingSignIns pending;
    private final RandomTokens random;
    private final Clock clock;

    public SignInStart(GitHubSettings github, SignInSettings settings, PendingSignIns pending, RandomTokens random,
                       Clock clock) {
        this.github = github;
        this.settings = settings;
        this.pending = pending;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param next          where to go after signing in; sanitised here
     * @param redirectUri   this app's callback URL
     * @param selectAccount ask GitHub to offer another account
     */
    public Started start(String next, URI redirectUri, boolean selectAccount) {
        String state = random.next(STATE_BYTES);
        String verifier = Pkce.newVerifier(random);
        PendingSignIns.Sealed sealed = pending.seal(state,
                new PendingSignIn(verifier, SafeRedirects.sanitize(next), redirectUri, clock.instant()));
        URI authorize = new AuthorizeRequest(github.authorizeUrl(), github.clientId(), redirectUri,
                settings.scopeParameter(), state, Pkce.challenge(verifier), selectAccount).toUri();
        return new Started(authorize, sealed);
    }
}
