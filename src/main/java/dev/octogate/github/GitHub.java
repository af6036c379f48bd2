package dev.octogate.github;

import java.time.Clock;

/**
 * The GitHub an app talks to over HTTP: one shared client behind both seams ({@link OAuthApp},
 * {@link UserApi}). Closing it stops the client, its connections and its deadline thread.
 */
public final class GitHub implements AutoCloseable {

    private final GitHubTransport transport;
    private final GitHubJson json;
    private final OAuthApp oauthApp;
    private final UserApi users;

    GitHub(GitHubSettings settings, GitHubTransport transport, Clock clock) {
        this.transport = transport;
        this.json = new GitHubJson();
        this.oauthApp = new RestOAuthApp(settings, transport, json, clock);
        this.users = new RestUserApi(settings, transport, json);
    }

    /** Starts the client (built in the background, so that the context starts fast). */
    public static GitHub connect(GitHubSettings settings, Clock clock) {
        return new GitHub(settings, new GitHubTransport(settings.timeout(), clock), clock);
    }

    public OAuthApp oauthApp() {
        return oauthApp;
    }

    public UserApi users() {
        return users;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            json.close();
        }
    }
}
