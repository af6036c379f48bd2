package dev.octogate.github;

import java.net.URI;
import java.util.List;

/** One {@link GitHub}'s two seams (for sign-ins) under one name, as the HTTP tests call them. */
final class BothSeams implements AutoCloseable {

    private final GitHub github;
    private final GitHub.Seams seams;

    /** The sign-ins' seams. */
    BothSeams(GitHub github) {
        this(github, github.signIns());
    }

    BothSeams(GitHub github, GitHub.Seams seams) {
        this.github = github;
        this.seams = seams;
    }

    /** The same GitHub, as the signed-in users' calls reach it. */
    BothSeams sessions() {
        return new BothSeams(github, github.sessions());
    }

    GitHub github() {
        return github;
    }

    TokenGrant exchangeCode(String code, URI redirectUri, String verifier) throws GitHubException {
        return seams.oauthApp().exchangeCode(code, redirectUri, verifier);
    }

    TokenGrant refresh(String refreshToken) throws GitHubException {
        return seams.oauthApp().refresh(refreshToken);
    }

    void revokeGrant(String accessToken) throws GitHubException {
        seams.oauthApp().revokeGrant(accessToken);
    }

    UserLookup user(String accessToken, String etag) throws GitHubException {
        return seams.users().user(accessToken, etag);
    }

    List<String> organizations(String accessToken) throws GitHubException {
        return seams.users().organizations(accessToken);
    }

    List<String> teams(String accessToken) throws GitHubException {
        return seams.users().teams(accessToken);
    }

    @Override
    public void close() {
        github.close();
    }
}
