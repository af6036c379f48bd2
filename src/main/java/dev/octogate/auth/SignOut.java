package dev.octogate.auth;

import dev.octogate.config.Settings;
import dev.octogate.github.GitHubClient;
import dev.octogate.github.GitHubException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Step 7: signing out. Checks the form's anti-CSRF token and, when configured, revokes the grant
 * at GitHub; a failure there is logged and does not stop the local sign-out.
 */
public final class SignOut {

    private static final Logger LOG = Logger.getLogger(SignOut.class.getName());

    private final Settings settings;
    private final GitHubClient github;

    public SignOut(Settings settings, GitHubClient github) {
        this.settings = settings;
        this.github = github;
    }

    /** Constant-time comparison of the submitted token with the session's. */
    public static boolean csrfTokenMatches(SignedInUser user, String submitted) {
        return submitted != null && MessageDigest.isEqual(
                user.csrfToken().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything but ending the session itself, which the caller does. */
    public void signOut(SignedInUser user) {
        String revoked = "";
        if (settings.revokeOnLogout()) {
            try {
                github.revokeGrant(user.accessToken());
                revoked = " grant=revoked";
            } catch (GitHubException e) {
                revoked = " grant=kept";
                LOG.warning(() -> "could not revoke the GitHub grant of " + user.login() + ": " + e.getMessage());
            }
        }
        String detail = revoked;
        LOG.info(() -> "sign-out: login=" + user.login() + " id=" + user.id() + " outcome=signed-out" + detail);
    }
}
