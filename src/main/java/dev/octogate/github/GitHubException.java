package dev.octogate.github;

import java.time.Duration;

/**
 * A call to GitHub that did not give a usable answer. The message names the endpoint and cause
 * for the log; it never holds a token, code, secret or state.
 */
public class GitHubException extends Exception {

    public enum Kind {
        /** No answer within the timeout. */
        TIMEOUT,
        /** Connection refused, reset, DNS failure. */
        UNREACHABLE,
        /** An answer that is not what GitHub's API promises: 5xx, HTML, truncated, too large, missing fields. */
        BAD_ANSWER,
        /** GitHub's rate limit; see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** Too many calls to GitHub already waiting; refused here to keep the app responsive. */
        OVERLOADED,
        /** The token endpoint's own error, in {@link #oauthError()}. */
        OAUTH_ERROR,
        /** 401: the token is not (or no longer) valid. */
        UNAUTHORIZED,
        /** 403 that is not the rate limit: GitHub refuses the account (suspended, blocked). */
        FORBIDDEN
    }

    private final Kind kind;
    private final String oauthError;
    private final Duration retryAfter;

    public GitHubException(Kind kind, String message) {
        this(kind, message, null, null, null);
    }

    public GitHubException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, null, cause);
    }

    private GitHubException(Kind kind, String message, String oauthError, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.oauthError = oauthError;
        this.retryAfter = retryAfter;
    }

    public static GitHubException oauth(String error, String message) {
        return new GitHubException(Kind.OAUTH_ERROR, message, error, null, null);
    }

    public static GitHubException rateLimited(Duration retryAfter, String message) {
        return new GitHubException(Kind.RATE_LIMITED, message, null, retryAfter, null);
    }

    public Kind kind() {
        return kind;
    }

    /** GitHub's {@code error} code, such as {@code bad_verification_code}; null unless {@link Kind#OAUTH_ERROR}. */
    public String oauthError() {
        return oauthError;
    }

    /** How long to wait before trying again; null unless {@link Kind#RATE_LIMITED}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
