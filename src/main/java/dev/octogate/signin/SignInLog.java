package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.GitHubUser;
import java.util.logging.Logger;

/**
 * The sign-in's log lines: one INFO line per sign-in, sign-out and refusal naming the account,
 * the outcome and the reason; a WARNING per GitHub failure; and for mistakes only an operator can
 * fix, a SEVERE line naming the remedy. Never a token, code, secret or {@code state}; text from a
 * request or from GitHub goes through {@link #printable}.
 */
final class SignInLog {

    private static final Logger LOG = Logger.getLogger(SignInLog.class.getName());
    private static final int MAX_TEXT = 200;

    private SignInLog() {
    }

    static void signedIn(GitHubUser who, boolean admin) {
        LOG.info(() -> "sign-in: login=" + who.login() + " id=" + who.id() + " outcome=signed-in"
                + (admin ? " role=admin" : ""));
    }

    static void refused(Refusal reason, String detail, GitHubUser who) {
        LOG.info(() -> "sign-in: " + (who == null ? "account=unknown" : "login=" + who.login() + " id=" + who.id())
                + " outcome=refused reason=" + reason.name().toLowerCase(java.util.Locale.ROOT) + " (" + detail + ")");
    }

    static void signedOut(SignedInUser user, String detail) {
        LOG.info(() -> "sign-out: login=" + user.login() + " id=" + user.id() + " outcome=signed-out" + detail);
    }

    static void sessionEnded(SignedInUser user, String reason) {
        LOG.info(() -> "sign-out: login=" + user.login() + " id=" + user.id() + " outcome=session-ended reason=" + reason);
    }

    static void gitHubFailed(String doing, GitHubException e) {
        LOG.warning(() -> "GitHub " + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " while " + doing + ": " + e.getMessage());
    }

    static void revocationFailed(SignedInUser user, GitHubException e) {
        LOG.warning(() -> "could not revoke the GitHub grant of " + user.login() + ": " + e.getMessage());
    }

    static void keptThroughOutage(SignedInUser user, GitHubException e) {
        LOG.warning(() -> "could not check the session of " + user.login() + " with GitHub, keeping it: "
                + e.getMessage());
    }

    /** GitHub refused the app itself: only an operator can fix it, so say how. */
    static void appRefused(String where, String githubError, String description) {
        LOG.severe(() -> "GitHub refused " + where + " with " + printable(githubError) + ": " + remedy(githubError)
                + (description == null ? "" : " (" + printable(description) + ")"));
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

    /** Text from a request or from GitHub, made safe for one log line. */
    static String printable(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
        return oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "…" : oneLine;
    }
}
