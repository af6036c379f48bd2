package dev.octogate.web.signin;

import dev.octogate.signin.SignInResult;
import dev.octogate.web.http.AppUrls;
import dev.octogate.web.http.ErrorPage;
import dev.octogate.web.http.Link;
import java.util.List;

/**
 * What a person sees when a sign-in is refused: for each {@link dev.octogate.signin.Refusal}, the
 * HTTP status, the page's words and where it offers to go. The one place these are decided.
 */
final class RefusalPages {

    /** The page, and for {@code 503} how many seconds to wait ({@code Retry-After}), else 0. */
    record Answer(ErrorPage page, long retryAfterSeconds) {
    }

    private RefusalPages() {
    }

    static Answer of(String root, SignInResult.Refused refused) {
        String next = refused.next();
        Link startAgain = new Link(AppUrls.login(next, false), "Start again");
        String gitHubSaid = "GitHub answered with the error “" + refused.githubError() + "”.";
        return switch (refused.reason()) {
            case STATE_MISSING -> page(root, 400, "This sign-in link is not valid", "The answer from GitHub carried "
                    + "no state, so it cannot be matched to a sign-in you started.", startAgain);
            case STATE_UNKNOWN -> page(root, 400, "This sign-in link is not valid", "This sign-in was not started "
                    + "in this browser session, or it was already used.", startAgain);
            case STATE_EXPIRED -> page(root, 400, "This sign-in link is not valid", "This sign-in was started more "
                    + "than 10 minutes ago and has expired.", startAgain);
            case CANCELLED -> page(root, 403, "Sign-in cancelled",
                    "You cancelled the sign-in on GitHub, so you are not signed in.", startAgain);
            case AUTHORIZE_ERROR -> page(root, 400, "GitHub could not sign you in", gitHubSaid, startAgain);
            case APP_REFUSED -> page(root, 502, "GitHub refused this app", "GitHub refused to sign you in to this "
                    + "site because of how the site is set up. The site's operators have been told.", null);
            case MISSING_CODE -> page(root, 400, "GitHub sent no code",
                    "The answer from GitHub carried no authorization code.", startAgain);
            case CODE_REJECTED -> page(root, 400, "Please sign in again",
                    "GitHub did not accept this sign-in's code: it has expired or was already used.", startAgain);
            case EMAIL_UNVERIFIED -> page(root, 403, "Please verify your email address on GitHub", "GitHub will "
                    + "not sign you in to other sites until your account's primary email address is verified. "
                    + "Verify it in your GitHub email settings, then sign in again.", startAgain);
            case APP_CREDENTIALS_REJECTED -> page(root, 500, "This site cannot sign you in right now",
                    "GitHub refused this site's credentials. The site's operators have been told.", null);
            case TOKEN_ERROR -> page(root, 502, "GitHub refused the sign-in", gitHubSaid, startAgain);
            case NOT_ALLOWED -> page(root, 403, "This GitHub account may not sign in", "You are signed in to "
                    + "GitHub as " + refused.login() + ", and that account is not allowed here. If you have another "
                    + "GitHub account, sign in with it instead.",
                    new Link(AppUrls.login(next, true), "Sign in with another GitHub account"));
            case GITHUB_TIMEOUT -> page(root, 504, "GitHub did not answer in time",
                    "GitHub took too long to answer. Please try again in a moment.", startAgain);
            case GITHUB_BUSY -> new Answer(error(root, 503, "Too many sign-ins right now", "GitHub is limiting how "
                    + "often this site may ask it. Please try again in a little while.", startAgain),
                    refused.retryAfter().toSeconds());
            case GITHUB_UNAVAILABLE -> page(root, 502, "GitHub could not be reached",
                    "This site could not get a usable answer from GitHub. Please try again in a moment.", startAgain);
        };
    }

    private static Answer page(String root, int status, String title, String message, Link action) {
        return new Answer(error(root, status, title, message, action), 0);
    }

    private static ErrorPage error(String root, int status, String title, String message, Link action) {
        return new ErrorPage(root, status, title, message, action == null ? List.of() : List.of(action));
    }
}
