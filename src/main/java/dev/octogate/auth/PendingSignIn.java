package dev.octogate.auth;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;

/**
 * A sign-in that went to GitHub and has not come back yet. Kept in the session under a name derived
 * from its {@code state}, so the state itself is not stored.
 *
 * @param redirectUri the exact {@code redirect_uri} sent to GitHub; the code exchange must repeat it
 */
public record PendingSignIn(String codeVerifier, String next, URI redirectUri, Instant createdAt)
        implements Serializable {

    @Override
    public String toString() {
        return "PendingSignIn[next=" + next + ", createdAt=" + createdAt + "]";
    }
}
