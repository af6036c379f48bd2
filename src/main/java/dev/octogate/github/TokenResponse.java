package dev.octogate.github;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of GitHub's token endpoint. GitHub answers errors with HTTP 200 and an {@code error}
 * field, so every answer is read into this one shape and then told apart.
 */
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("scope") String scope,
        @JsonbProperty("expires_in") Long expiresIn,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
        @JsonbProperty("error") String error,
        @JsonbProperty("error_description") String errorDescription) {

    @Override
    public String toString() {
        return "TokenResponse[error=" + error + "]";
    }
}
