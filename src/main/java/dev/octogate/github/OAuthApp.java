package dev.octogate.github;

import java.net.URI;

/**
 * GitHub's endpoints that the app calls with its own credentials (client id and secret): the
 * token endpoint and grant revocation. The sign-in core receives this seam; tests give it an
 * in-memory fake.
 */
public interface OAuthApp {

    /** Exchanges an authorization code (single-use: never retried). */
    TokenGrant exchangeCode(String code, URI redirectUri, String codeVerifier) throws GitHubException;

    /** Trades a refresh token for a new access token (GitHub App user tokens). */
    TokenGrant refresh(String refreshToken) throws GitHubException;

    /**
     * Revokes the user's whole grant for this app ({@code DELETE /applications/{client_id}/grant}),
     * so that the next sign-in asks again.
     */
    void revokeGrant(String accessToken) throws GitHubException;
}
