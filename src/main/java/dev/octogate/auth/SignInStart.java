package dev.octogate.auth;

import dev.octogate.config.Settings;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Step 1 of the flow: records a pending sign-in (fresh {@code state} and PKCE verifier) and gives
 * the GitHub authorize URL to send the browser to.
 */
public final class SignInStart {

    /** 32 bytes: twice the 128 bits of randomness PRODUCT.md asks for. */
    private static final int STATE_BYTES = 32;

    private final Settings settings;
    private final PendingSignIns pending;
    private final RandomTokens random;
    private final Clock clock;

    public SignInStart(Settings settings, PendingSignIns pending, RandomTokens random, Clock clock) {
        this.settings = settings;
        this.pending = pending;
        this.random = random;
        this.clock = clock;
    }

    /**
     * @param next          where to go after signing in; sanitised here
     * @param redirectUri   this app's callback URL
     * @param selectAccount ask GitHub to offer another account ({@code prompt=select_account})
     */
    public URI start(SessionAttributes session, String next, URI redirectUri, boolean selectAccount) {
        String state = random.next(STATE_BYTES);
        String verifier = Pkce.newVerifier(random);
        pending.save(session, state,
                new PendingSignIn(verifier, SafeRedirects.sanitize(next), redirectUri, clock.instant()));

        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", settings.scopeParameter());
        query.put("state", state);
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        if (selectAccount) {
            query.put("prompt", "select_account");
        }
        return URI.create(settings.authorizeUrl() + "?" + QueryString.of(query));
    }
}
