package dev.octogate.web.http;

/** Who may call a route. */
public enum Access {
    /** Anyone, signed in or not. */
    ANYONE,
    /** GitHub, posting webhook deliveries: public, the handler checks the delivery's signature. */
    GITHUB_WEBHOOK,
    /** A signed-in user; others are sent to sign in (browsers) or answered {@code 401} (API calls). */
    SIGNED_IN,
    /** A signed-in admin ({@code APP_ADMINS}); other signed-in users get {@code 403}. */
    ADMIN;

    /** Whether a session must be signed in. */
    public boolean needsSignIn() {
        return this == SIGNED_IN || this == ADMIN;
    }
}
