package dev.octogate.auth;

import java.time.Duration;

/**
 * Why a sign-in did not complete, for the person and the log. Messages are plain text (the web
 * layer escapes them) and never hold a token, code, secret or state.
 *
 * @param status     the HTTP status the person gets
 * @param retryAfter for {@code 503}: when to try again; else null
 * @param next       where a new attempt should lead, so "start again" keeps the person's place
 * @param login      the account refused, where GitHub told us who it was; else null
 */
public record SignInFailure(Reason reason, int status, String title, String message, Duration retryAfter,
                            String next, String login) {

    public enum Reason {
        INVALID_STATE, MISSING_CODE, CANCELLED, PROVIDER_ERROR, CODE_REJECTED, MISCONFIGURED,
        NOT_ALLOWED, EMAIL_UNVERIFIED, GITHUB_TIMEOUT, GITHUB_UNAVAILABLE, RATE_LIMITED
    }

    public static SignInFailure of(Reason reason, int status, String title, String message, String next) {
        return new SignInFailure(reason, status, title, message, null, next, null);
    }

    /** Where to send the person to try again: the sign-in, leading back to where they were going. */
    public boolean offersStartAgain() {
        return reason != Reason.MISCONFIGURED;
    }
}
