package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import dev.octogate.github.OAuthApp;
import dev.octogate.github.TokenGrant;
import dev.octogate.github.UserApi;
import dev.octogate.github.UserLookup;
import dev.octogate.log.LogText;
import dev.octogate.signin.SignInResult.Refused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Steps 2 to 5 of the flow, for the callback: checks {@code state} against this session's pending
 * sign-ins before anything else reaches GitHub, exchanges the code, reads the user, applies the
 * access policy, and signs the session in under a new id. Returns what happened; what the person
 * sees of it is the web layer's choice.
 */
public final class SignInCompletion {

    /** What GitHub sent back to the callback. */
    public record Callback(String state, String code, String error, String errorDescription) {
    }

    /** Wait suggested when GitHub is busy but said nothing of when to come back. */
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(5);

    private final SignedInSessions sessions;
    private final OAuthApp oauth;
    private final UserApi users;
    private final AccessPolicy policy;
    private final RandomTokens random;
    private final Clock clock;
    private final Duration revalidateInterval;

    public SignInCompletion(SignInSettings settings, SignedInSessions sessions, OAuthApp oauth, UserApi users,
                            RandomTokens random, Clock clock) {
        this.sessions = sessions;
        this.oauth = oauth;
        this.users = users;
        this.policy = new AccessPolicy(settings, users);
        this.random = random;
        this.clock = clock;
        this.revalidateInterval = settings.revalidateInterval();
    }

    /**
     * @param taken   the pending sign-in this callback's {@code state} names, as the browser sent it
     * @param session the session to sign in (created when first written to)
     */
    public SignInResult complete(PendingSignIns.Taken taken, Callback callback, SessionAttributes session) {
        // State first, even for GitHub's errors: an answer that matches no sign-in of this session
        // is refused whatever it says, so nobody can put words on our page or in our ERROR log.
        if (!taken.found()) {
            Refusal reason = switch (taken.miss()) {
                case MISSING -> Refusal.STATE_MISSING;
                case EXPIRED -> Refusal.STATE_EXPIRED;
                case UNKNOWN -> Refusal.STATE_UNKNOWN;
            };
            return refuse(Refused.of(reason, SafeRedirects.HOME), "invalid state", null);
        }
        PendingSignIn started = taken.pending();
        String next = started.next();
        if (callback.error() != null) {
            return authorizeError(callback, next);
        }
        if (callback.code() == null || callback.code().isBlank()) {
            return refuse(Refused.of(Refusal.MISSING_CODE, next), "no code", null);
        }

        TokenGrant grant;
        UserLookup lookup;
        try {
            grant = oauth.exchangeCode(callback.code(), started.redirectUri(), started.codeVerifier());
            lookup = users.user(grant.accessToken(), null);
        } catch (GitHubException e) {
            return refuse(failure(e, next, null), "GitHub: " + e.getMessage(), null);
        }
        GitHubUser profile = lookup.user();
        AccessPolicy.Decision decision;
        try {
            decision = policy.check(profile.login(), grant.accessToken());
        } catch (GitHubException e) {
            return refuse(failure(e, next, profile.login()), "access check failed: " + e.getMessage(), profile);
        }
        if (!decision.allowed()) {
            return refuse(new Refused(Refusal.NOT_ALLOWED, next, profile.login(), null, null), decision.reason(),
                    profile);
        }

        Instant now = clock.instant();
        SignedInUser user = new SignedInUser(profile, grant.accessToken(),
                lookup.grantedScopes() == null ? grant.scopes() : lookup.grantedScopes(),
                grant.expiresAt(), grant.refreshToken(), lookup.etag(), now,
                SessionRevalidation.nextCheck(now, revalidateInterval, grant.expiresAt(), grant.refreshToken()),
                random.next(24), decision.admin());
        session.renewId();
        sessions.store(session, user);
        SignInLog.signedIn(profile, decision.admin());
        return new SignInResult.SignedIn(user, next);
    }

    /** GitHub sent the browser back with an {@code error} instead of a code. */
    private static SignInResult authorizeError(Callback callback, String next) {
        String error = callback.error();
        String detail = "GitHub error " + LogText.clean(error);
        if (error.equals("access_denied")) {
            return refuse(Refused.of(Refusal.CANCELLED, next), "cancelled at GitHub", null);
        }
        if (error.equals("redirect_uri_mismatch") || error.equals("application_suspended")) {
            SignInLog.appRefused("the authorization request", error, callback.errorDescription());
            return refuse(new Refused(Refusal.APP_REFUSED, next, null, error, null), detail, null);
        }
        String description = callback.errorDescription() == null ? ""
                : " (" + LogText.clean(callback.errorDescription()) + ")";
        return refuse(new Refused(Refusal.AUTHORIZE_ERROR, next, null, error, null), detail + description, null);
    }

    /** A failed call to GitHub, as a reason (and a log line for operators). */
    private static Refused failure(GitHubException e, String next, String login) {
        return switch (e.kind()) {
            case OAUTH_ERROR -> switch (e.oauthError()) {
                case "bad_verification_code" -> new Refused(Refusal.CODE_REJECTED, next, login, null, null);
                case "unverified_user_email" -> new Refused(Refusal.EMAIL_UNVERIFIED, next, login, null, null);
                case "incorrect_client_credentials", "redirect_uri_mismatch" -> {
                    SignInLog.appRefused("the code exchange", e.oauthError(), null);
                    yield new Refused(Refusal.APP_CREDENTIALS_REJECTED, next, login, e.oauthError(), null);
                }
                default -> {
                    SignInLog.gitHubFailed("exchanging the code", e);
                    yield new Refused(Refusal.TOKEN_ERROR, next, login, e.oauthError(), null);
                }
            };
            case TIMEOUT -> {
                SignInLog.gitHubFailed("signing in", e);
                yield new Refused(Refusal.GITHUB_TIMEOUT, next, login, null, null);
            }
            case RATE_LIMITED, OVERLOADED -> {
                SignInLog.gitHubFailed("signing in", e);
                yield new Refused(Refusal.GITHUB_BUSY, next, login, null,
                        e.retryAfter() == null ? DEFAULT_RETRY : e.retryAfter());
            }
            default -> {
                SignInLog.gitHubFailed("signing in", e);
                yield new Refused(Refusal.GITHUB_UNAVAILABLE, next, login, null, null);
            }
        };
    }

    private static Refused refuse(Refused refused, String detail, GitHubUser who) {
        SignInLog.refused(refused.reason(), detail, who);
        return refused;
    }
}
