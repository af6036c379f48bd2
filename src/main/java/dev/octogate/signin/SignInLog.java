package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import dev.octogate.log.LogText;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The sign-in's log lines: one INFO line per sign-in, sign-out and refusal naming the account,
 * the outcome and the reason; a WARNING per GitHub failure; and for mistakes only an operator can
 * fix, a SEVERE line naming the remedy. Never a token, code, secret or {@code state}; every value
 * from a request or from GitHub goes through {@link LogText#clean}.
 */
final class SignInLog {

    private static final Logger LOG = Logger.getLogger(SignInLog.class.getName());

    private SignInLog() {
    }

    static void signedIn(GitHubUser who, boolean admin) {
        LOG.info(() -> "sign-in: " + account(who) + " outcome=signed-in" + (admin ? " role=admin" : ""));
    }

    static void refused(Refusal reason, String detail, GitHubUser who) {
        LOG.info(() -> "sign-in: " + (who == null ? "account=unknown" : account(who)) + " outcome=refused reason="
                + reason.name().toLowerCase(Locale.ROOT) + " (" + LogText.clean(detail) + ")");
    }

    static void signedOut(SignedInUser user, String detail) {
        LOG.info(() -> "sign-out: " + account(user.profile()) + " outcome=signed-out" + detail);
    }

    static void sessionEnded(SignedInUser user, String reason) {
        LOG.info(() -> "sign-out: " + account(user.profile()) + " outcome=session-ended reason=" + LogText.clean(reason));
    }

    /** A session value that does not open: altered in the session store, or sealed with a key since removed. */
    static void unopenedSession() {
        LOG.info("sign-out: account=unknown outcome=session-ended reason=the stored session value does not open "
                + "(altered in the session store, or sealed with a key no longer configured)");
    }

    static void gitHubFailed(String doing, GitHubException e) {
        LOG.warning(() -> "GitHub " + e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " while " + doing + ": " + LogText.clean(e.getMessage()));
    }

    static void revocationFailed(SignedInUser user, GitHubException e) {
        LOG.warning(() -> "could not revoke the GitHub grant of " + account(user.profile()) + ": "
                + LogText.clean(e.getMessage()));
    }

    static void keptThroughOutage(SignedInUser user, GitHubException e) {
        LOG.warning(() -> "could not check the session of " + account(user.profile()) + " with GitHub, keeping it: "
                + LogText.clean(e.getMessage()));
    }

    /** GitHub refused the app itself: only an operator can fix it, so say how. */
    static void appRefused(String where, String githubError, String description) {
        LOG.severe(() -> "GitHub refused " + where + " with " + LogText.clean(githubError) + ": " + remedy(githubError)
                + (description == null ? "" : " (" + LogText.clean(description) + ")"));
    }

    /** The account as every line names it; GitHub's login is text from GitHub like any other. */
    private static String account(GitHubUser who) {
        return "login=" + LogText.clean(who.login()) + " id=" + who.id();
    }

    private static String remedy(String githubError) {
        return switch (githubError) {
            case "incorrect_client_credentials" -> "check GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET against the "
                    + "GitHub OAuth app (generate a new secret if unsure)";
            case "redirect_uri_mismatch" -> "the redirect_uri must match the OAuth app's callback URL: set "
                    + "APP_BASE_URL to the app's public URL and register APP_BASE_URL + /callback as the callback URL";
            case "application_suspended" -> "the GitHub OAuth app is suspended";
            default -> "see GitHub's OAuth troubleshooting documentation";
        };
    }
}
