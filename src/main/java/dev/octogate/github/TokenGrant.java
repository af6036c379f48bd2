package dev.octogate.github;

import java.time.Instant;
import java.util.List;

/**
 * An access token as GitHub granted it.
 *
 * @param expiresAt        null for tokens that do not expire (OAuth apps)
 * @param refreshToken     null unless the token expires (GitHub App user tokens)
 * @param refreshExpiresAt null unless there is a refresh token
 */
public record TokenGrant(String accessToken, List<String> scopes, Instant expiresAt, String refreshToken,
                         Instant refreshExpiresAt) {

    public TokenGrant {
        scopes = List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "TokenGrant[hidden, scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
    }
}
