package dev.octogate.signin;

import java.time.Duration;

/** How a callback ended: signed in, or refused with a reason. */
public sealed interface SignInResult {

    /** Where the person goes next: on success where they were going, on refusal where a new attempt leads. */
    String next();

    /** The session is signed in as {@code user}. */
    record SignedIn(SignedInUser user, String next) implements SignInResult {
    }

    /**
     * Not signed in.
     *
     * @param login       the account refused, where GitHub told us who it was; else null
     * @param githubError GitHub's own {@code error} code where it gave one, for the page; else null
     * @param retryAfter  for {@link Refusal#GITHUB_BUSY}: when to try again; else null
     */
    record Refused(Refusal reason, String next, String login, String githubError, Duration retryAfter)
            implements SignInResult {

        static Refused of(Refusal reason, String next) {
            return new Refused(reason, next, null, null, null);
        }
    }
}
