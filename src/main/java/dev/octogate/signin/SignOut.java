package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.OAuthApp;

/**
 * Step 7: signing out. When configured, revokes the grant at GitHub; a failure there is logged
 * and does not stop the local sign-out. (The form's anti-CSRF token is checked before this runs,
 * as for every form.)
 */
public final class SignOut {

    /** How it went at GitHub, for the caller and the log. */
    public enum Grant { NOT_ASKED, REVOKED, KEPT }

    private final SignInSettings settings;
    private final OAuthApp oauth;

    public SignOut(SignInSettings settings, OAuthApp oauth) {
        this.settings = settings;
        this.oauth = oauth;
    }

    /** Everything but ending the session itself, which the caller does. */
    public Grant signOut(SignedInUser user) {
        Grant grant = Grant.NOT_ASKED;
        if (settings.revokeOnLogout()) {
            try {
                oauth.revokeGrant(user.accessToken());
                grant = Grant.REVOKED;
            } catch (GitHubException e) {
                grant = Grant.KEPT;
                SignInLog.revocationFailed(user, e);
            }
        }
        SignInLog.signedOut(user, grant == Grant.NOT_ASKED ? "" : " grant=" + grant.name().toLowerCase(java.util.Locale.ROOT));
        return grant;
    }
}
