package dev.octogate.auth;

import dev.octogate.auth.SignInFailure.Reason;
import dev.octogate.github.GitHubClient;
import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import dev.octogate.github.TokenGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Steps 2 to 5 of the flow, for the callback: checks {@code state} against this session's pending
 * sign-ins before anything else reaches GitHub, exchanges the code, reads the user, applies the
 * access policy, and signs the session in under a new id.
 */
public final class SignInCompletion {

    private static final Logger LOG = Logger.getLogger(SignInCompletion.class.getName());

    /** What GitHub sent back to the callback. */
    public record Callback(String state, String code, String error, String errorDescription) {
    }

    /** The result: either {@code user} and {@code next}, or a {@code failure}. */
    public record Outcome(SignedInUser user, String next, SignInFailure failure) {
        public boolean signedIn() {
            return user != null;
        }
    }

    private final PendingSignIns pending;
    private final GitHubClient github;
    private final AccessPolicy policy;
    private final RandomTokens random;
    private final Clock clock;
    private final java.time.Duration revalidateInterval;

    public SignInCompletion(PendingSignIns pending, GitHubClient github, AccessPolicy policy, RandomTokens random,
                            Clock clock, java.time.Duration revalidateInterval) {
        this.revalidateInterval = revalidateInterval;
        this.pending = pending;
        this.github = github;
        this.policy = policy;
        this.random = random;
        this.clock = clock;
    }

    /** @param session the request's session, or null when it has none */
    public Outcome complete(SessionAttributes session, Callback callback) {
        PendingSignIns.Taken taken = pending.take(session, callback.state());
        String next = taken.found() ? taken.pending().next() : SafeRedirects.HOME;

        // State first, even for GitHub's errors: an answer that matches no sign-in of this session
        // is refused whatever it says, so nobody can put words on our page or in our ERROR log.
        if (!taken.found()) {
            return refuse(SignInFailure.of(Reason.INVALID_STATE, 400, "This sign-in link is not valid",
                    switch (taken.miss()) {
                        case MISSING -> "The answer from GitHub carried no state, so it cannot be matched to a sign-in you started.";
                        case EXPIRED -> "This sign-in was started more than 10 minutes ago and has expired.";
                        case UNKNOWN -> "This sign-in was not started in this browser session, or it was already used.";
                    }, next), "invalid state (" + taken.miss().name().toLowerCase() + ")", null);
        }
        if (callback.error() != null) {
            return providerError(callback, next);
        }
        if (callback.code() == null || callback.code().isBlank()) {
            return refuse(SignInFailure.of(Reason.MISSING_CODE, 400, "GitHub sent no code",
                    "The answer from GitHub carried no authorization code.", next), "no code", null);
        }

        TokenGrant grant;
        GitHubClient.UserLookup lookup;
        try {
            grant = github.exchangeCode(callback.code(), taken.pending().redirectUri(), taken.pending().codeVerifier());
            lookup = github.user(grant.accessToken(), null);
        } catch (GitHubException e) {
            return refuse(failure(e, next), "GitHub: " + e.getMessage(), null);
        }
        GitHubUser profile = lookup.user();
        try {
            AccessPolicy.Decision decision = policy.check(profile.login(), grant.accessToken());
            if (!decision.allowed()) {
                return refuse(new SignInFailure(Reason.NOT_ALLOWED, 403, "This GitHub account may not sign in",
                        "You are signed in to GitHub as " + profile.login()
                                + ", and that account is not allowed here. If you have another GitHub account, "
                                + "sign in with it instead.", null, next, profile.login()), decision.reason(), profile);
            }
        } catch (GitHubException e) {
            return refuse(failure(e, next), "access check failed: " + e.getMessage(), profile);
        }

        Instant now = clock.instant();
        SignedInUser user = new SignedInUser(profile, grant.accessToken(),
                lookup.grantedScopes() == null ? grant.scopes() : lookup.grantedScopes(),
                grant.expiresAt(), grant.refreshToken(), lookup.etag(), now,
                SessionRevalidation.nextCheck(now, revalidateInterval, grant.expiresAt(), grant.refreshToken()),
                random.next(24));
        session.renewId();
        SignedInSessions.store(session, user);
        LOG.info(() -> "sign-in: login=" + profile.login() + " id=" + profile.id() + " outcome=signed-in");
        return new Outcome(user, next, null);
    }

    private Outcome providerError(Callback callback, String next) {
        String error = callback.error();
        if (error.equals("access_denied")) {
            return refuse(SignInFailure.of(Reason.CANCELLED, 403, "Sign-in cancelled",
                    "You cancelled the sign-in on GitHub, so you are not signed in.", next), "cancelled at GitHub", null);
        }
        String description = callback.errorDescription() == null ? "" : " (" + callback.errorDescription() + ")";
        if (error.equals("redirect_uri_mismatch") || error.equals("application_suspended")) {
            LOG.severe(() -> "GitHub refused the authorization request with " + safe(error) + ": "
                    + (error.equals("redirect_uri_mismatch")
                    ? "register this app's callback URL (APP_BASE_URL + /callback) in the GitHub OAuth app"
                    : "the GitHub OAuth app is suspended") + safe(description));
            return refuse(SignInFailure.of(Reason.MISCONFIGURED, 502, "GitHub refused this app",
                    "GitHub refused to sign you in to this site because of how the site is set up. "
                            + "The site's operators have been told.", next), "GitHub error " + safe(error), null);
        }
        return refuse(SignInFailure.of(Reason.PROVIDER_ERROR, 400, "GitHub could not sign you in",
                "GitHub answered with the error “" + safe(error) + "”.", next),
                "GitHub error " + safe(error) + safe(description), null);
    }

    /** The person's page for a GitHub failure, and the operator's log line. */
    private static SignInFailure failure(GitHubException e, String next) {
        return switch (e.kind()) {
            case OAUTH_ERROR -> switch (e.oauthError()) {
                case "bad_verification_code" -> SignInFailure.of(Reason.CODE_REJECTED, 400, "Please sign in again",
                        "GitHub did not accept this sign-in's code: it has expired or was already used.", next);
                case "unverified_user_email" -> SignInFailure.of(Reason.EMAIL_UNVERIFIED, 403,
                        "Please verify your email address on GitHub",
                        "GitHub will not sign you in to other sites until your account's primary email address is "
                                + "verified. Verify it in your GitHub email settings, then sign in again.", next);
                case "incorrect_client_credentials", "redirect_uri_mismatch" -> {
                    LOG.severe(() -> "GitHub refused the code exchange with " + e.oauthError() + ": " + remedy(e.oauthError()));
                    yield SignInFailure.of(Reason.MISCONFIGURED, 500, "This site cannot sign you in right now",
                            "GitHub refused this site's credentials. The site's operators have been told.", next);
                }
                default -> {
                    LOG.warning(() -> "GitHub refused the code exchange: " + e.getMessage());
                    yield SignInFailure.of(Reason.PROVIDER_ERROR, 502, "GitHub refused the sign-in",
                            "GitHub answered with the error “" + e.oauthError() + "”.", next);
                }
            };
            case TIMEOUT -> {
                LOG.warning(() -> "GitHub timeout: " + e.getMessage());
                yield SignInFailure.of(Reason.GITHUB_TIMEOUT, 504, "GitHub did not answer in time",
                        "GitHub took too long to answer. Please try again in a moment.", next);
            }
            case RATE_LIMITED, OVERLOADED -> {
                LOG.warning(() -> "GitHub busy: " + e.getMessage());
                yield new SignInFailure(Reason.RATE_LIMITED, 503, "Too many sign-ins right now",
                        "GitHub is limiting how often this site may ask it. Please try again in a little while.",
                        e.retryAfter() == null ? java.time.Duration.ofSeconds(5) : e.retryAfter(), next, null);
            }
            default -> {
                LOG.warning(() -> "GitHub failure: " + e.getMessage());
                yield SignInFailure.of(Reason.GITHUB_UNAVAILABLE, 502, "GitHub could not be reached",
                        "This site could not get a usable answer from GitHub. Please try again in a moment.", next);
            }
        };
    }

    private static String remedy(String error) {
        return switch (error) {
            case "incorrect_client_credentials" ->
                    "check GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET against the GitHub OAuth app (generate a new secret if unsure)";
            case "redirect_uri_mismatch" ->
                    "the redirect_uri must match the OAuth app's callback URL: set APP_BASE_URL to the app's public URL "
                            + "and register APP_BASE_URL + /callback as the callback URL";
            default -> "see GitHub's OAuth troubleshooting documentation";
        };
    }

    private static Outcome refuse(SignInFailure failure, String reason, GitHubUser who) {
        LOG.info(() -> "sign-in: " + (who == null ? "account=unknown" : "login=" + who.login() + " id=" + who.id())
                + " outcome=refused status=" + failure.status() + " reason=" + reason);
        return new Outcome(null, failure.next(), failure);
    }

    /** Text from the request, made safe for one log line. */
    static String safe(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
