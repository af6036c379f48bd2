package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.OAuthApp;
import dev.octogate.github.TokenGrant;
import dev.octogate.github.UserApi;
import dev.octogate.github.UserLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 6: keeps a signed-in session honest. On each request it ends sessions past their absolute
 * lifetime; when a check is due it refreshes an expiring token shortly before expiry, or asks
 * GitHub with a conditional {@code GET /user} whether the token still works, and applies the
 * allow-lists again. The token refused ({@code 401}, a refused refresh), the account refused
 * ({@code 403} that is not the rate limit: suspended), another account behind the token (a
 * changed user id) or an account no longer allowed ends the sign-in; a GitHub outage keeps it and
 * tries again soon.
 *
 * <p>While one request of a session talks to GitHub, the session's other requests do not wait:
 * they are answered with the sign-in as it stands, so a slow GitHub slows one request per
 * session, not every page.
 */
public final class SessionRevalidation {

    /** Expiring tokens are refreshed this long before they expire. */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);
    /** After a GitHub outage, check again after this long (or the interval, if shorter). */
    static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(30);

    private final SignInSettings settings;
    private final SignedInSessions sessions;
    private final OAuthApp oauth;
    private final UserApi users;
    private final AccessPolicy policy;
    private final Clock clock;
    /** Sessions (by id) with a check in flight on this node; an entry lives only during one call. */
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    public SessionRevalidation(SignInSettings settings, SignedInSessions sessions, OAuthApp oauth, UserApi users,
                               Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.oauth = oauth;
        this.users = users;
        this.policy = new AccessPolicy(settings, users);
        this.clock = clock;
    }

    /** The session's signed-in user, after whatever check is due; empty when not (or no longer) signed in. */
    public Optional<SignedInUser> current(SessionAttributes session) {
        Optional<SignedInUser> found = sessions.current(session);
        if (found.isEmpty()) {
            return found;
        }
        SignedInUser user = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(user.signedInAt().plus(settings.sessionMaxAge()))) {
            return end(session, user, "session reached its maximum lifetime of " + settings.sessionMaxAge().toHours() + " h");
        }
        if (now.isBefore(user.checkDueAt())) {
            return found;
        }
        String id = session.id();
        if (!checking.add(id)) {
            return found; // another request of this session is already asking GitHub
        }
        try {
            // Re-read: a request that finished just before may have done the work already.
            user = sessions.current(session).orElse(null);
            if (user == null) {
                return Optional.empty();
            }
            if (now.isBefore(user.checkDueAt())) {
                return Optional.of(user);
            }
            return refreshDue(user, now) ? refresh(session, user, now) : revalidate(session, user, now);
        } finally {
            checking.remove(id);
        }
    }

    private static boolean refreshDue(SignedInUser user, Instant now) {
        return user.tokenExpiresAt() != null && user.refreshToken() != null
                && !now.isBefore(user.tokenExpiresAt().minus(REFRESH_MARGIN));
    }

    /**
     * When a user's next check is due: after the revalidation interval, or earlier when the token
     * must be refreshed before it expires.
     */
    public static Instant nextCheck(Instant now, Duration interval, Instant tokenExpiresAt, String refreshToken) {
        Instant next = now.plus(interval);
        if (tokenExpiresAt != null && refreshToken != null) {
            Instant refreshAt = tokenExpiresAt.minus(REFRESH_MARGIN);
            if (refreshAt.isBefore(next)) {
                next = refreshAt;
            }
        }
        return next;
    }

    private Optional<SignedInUser> refresh(SessionAttributes session, SignedInUser user, Instant now) {
        try {
            TokenGrant grant = oauth.refresh(user.refreshToken());
            String refreshToken = grant.refreshToken() == null ? user.refreshToken() : grant.refreshToken();
            SignedInUser refreshed = user.withToken(grant.accessToken(), grant.expiresAt(), refreshToken,
                    nextCheck(now, settings.revalidateInterval(), grant.expiresAt(), refreshToken));
            sessions.store(session, refreshed);
            return Optional.of(refreshed);
        } catch (GitHubException e) {
            if (e.kind() == GitHubException.Kind.OAUTH_ERROR || e.kind() == GitHubException.Kind.UNAUTHORIZED) {
                return end(session, user, "token refresh refused by GitHub (" + e.oauthError() + ")");
            }
            if (!now.isBefore(user.tokenExpiresAt())) {
                // An outage is waited out only while the token still works.
                return end(session, user, "token expired and could not be refreshed (" + e.getMessage() + ")");
            }
            return keepThroughOutage(session, user, now, e);
        }
    }

    private Optional<SignedInUser> revalidate(SessionAttributes session, SignedInUser user, Instant now) {
        UserLookup lookup;
        boolean allowed;
        try {
            lookup = users.user(user.accessToken(), user.etag());
            if (!lookup.notModified() && lookup.user().id() != user.id()) {
                return end(session, user, "the token now belongs to another GitHub account (id "
                        + lookup.user().id() + ")");
            }
            String login = lookup.notModified() ? user.login() : lookup.user().login();
            allowed = policy.allows(login, user.accessToken());
        } catch (GitHubException e) {
            return switch (e.kind()) {
                case UNAUTHORIZED -> end(session, user, "token no longer valid at GitHub (revoked or expired)");
                case FORBIDDEN -> end(session, user, "GitHub refused the account (HTTP 403: suspended or blocked)");
                default -> keepThroughOutage(session, user, now, e);
            };
        }
        if (!allowed) {
            return end(session, user, "no longer on any allow-list");
        }
        SignedInUser checked = user.revalidated(lookup.user(), lookup.etag(),
                nextCheck(now, settings.revalidateInterval(), user.tokenExpiresAt(), user.refreshToken()));
        sessions.store(session, checked);
        return Optional.of(checked);
    }

    private Optional<SignedInUser> keepThroughOutage(SessionAttributes session, SignedInUser user, Instant now,
                                                     GitHubException e) {
        SignInLog.keptThroughOutage(user, e);
        Duration wait = RETRY_AFTER_OUTAGE.compareTo(settings.revalidateInterval()) < 0
                ? RETRY_AFTER_OUTAGE : settings.revalidateInterval();
        SignedInUser later = user.checkAgainAt(now.plus(wait));
        sessions.store(session, later);
        return Optional.of(later);
    }

    private Optional<SignedInUser> end(SessionAttributes session, SignedInUser user, String reason) {
        sessions.clear(session);
        SignInLog.sessionEnded(user, reason);
        return Optional.empty();
    }
}
