package dev.octogate.github;

import java.net.URI;
import java.util.List;

/** One {@link GitHub}'s two seams under one name, as the HTTP tests call them. */
final class BothSeams implements AutoCloseable {

    private final GitHub github;

    BothSeams(GitHub github) {
        this.github = github;
    }

    TokenGrant exchangeCode(String code, URI redirectUri, String verifier) throws GitHubException {
        return github.oauthApp().exchangeCode(code, redirectUri, verifier);
    }

    TokenGrant refresh(String refreshToken) throws GitHubException {
        return github.oauthApp().refresh(refreshToken);
    }

    void revokeGrant(String accessToken) throws GitHubException {
        github.oauthApp().revokeGrant(accessToken);
    }

    UserLookup user(String accessToken, String etag) throws GitHubException {
        return github.users().user(accessToken, etag);
    }

    List<String> organizations(String accessToken) throws GitHubException {
        return github.users().organizations(accessToken);
    }

    List<String> teams(String accessToken) throws GitHubException {
        return github.users().teams(accessToken);
    }

    @Override
    public void close() {
        github.close();
    }
}
