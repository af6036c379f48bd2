package dev.octogate.signin;

/**
 * Why a sign-in was refused. The core only names the reason; the web layer decides what the
 * person sees for each (status, page), in one place.
 */
public enum Refusal {
    /** The callback carried no {@code state}. */
    STATE_MISSING,
    /** The {@code state} matches no sign-in this browser started, or was used already. */
    STATE_UNKNOWN,
    /** The sign-in was started too long ago. */
    STATE_EXPIRED,
    /** The person cancelled at GitHub ({@code error=access_denied}). */
    CANCELLED,
    /** GitHub sent back another {@code error} to the callback. */
    AUTHORIZE_ERROR,
    /** GitHub refused the app itself at authorize (its callback URL, or the app suspended): for operators. */
    APP_REFUSED,
    /** The callback carried no code. */
    MISSING_CODE,
    /** GitHub did not accept the code: expired or used ({@code bad_verification_code}). */
    CODE_REJECTED,
    /** GitHub will not sign the account in until its email is verified. */
    EMAIL_UNVERIFIED,
    /** GitHub refused the app's credentials or {@code redirect_uri} at the token endpoint: for operators. */
    APP_CREDENTIALS_REJECTED,
    /** Another error from the token endpoint. */
    TOKEN_ERROR,
    /** The account is on no allow-list. */
    NOT_ALLOWED,
    /** GitHub did not answer in time. */
    GITHUB_TIMEOUT,
    /** GitHub's rate limit, or too many calls to GitHub already in flight. */
    GITHUB_BUSY,
    /** GitHub could not be reached, or gave no usable answer. */
    GITHUB_UNAVAILABLE
}
