package dev.octogate.github;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The GitHub an app talks to over HTTP: one shared client behind the two seams ({@link OAuthApp},
 * {@link UserApi}), offered twice, once per {@link GitHubTransport.Share}: sign-ins and the
 * signed-in never wait for each other's calls. Closing it stops the client, its connections and
 * its deadline thread.
 */
public final class GitHub implements AutoCloseable {

    /** Both seams, for one kind of caller. */
    public record Seams(OAuthApp oauthApp, UserApi users) {
    }

    private final GitHubTransport transport;
    private final GitHubJson json;
    private final Seams signIns;
    private final Seams sessions;

    GitHub(GitHubSettings settings, GitHubTransport transport, Clock clock) {
        this.transport = transport;
        this.json = new GitHubJson();
        this.signIns = seams(settings, GitHubTransport.Share.SIGN_IN, clock);
        this.sessions = seams(settings, GitHubTransport.Share.SIGNED_IN, clock);
    }

    private Seams seams(GitHubSettings settings, GitHubTransport.Share share, Clock clock) {
        return new Seams(new RestOAuthApp(settings, transport, share, json, clock),
                new RestUserApi(settings, transport, share, json));
    }

    /** Starts the client (built in the background, so that the context starts fast). */
    public static GitHub connect(GitHubSettings settings, Clock clock) {
        return new GitHub(settings, new GitHubTransport(settings.timeout(), clock), clock);
    }

    /** For sign-ins: the callback's calls. */
    public Seams signIns() {
        return signIns;
    }

    /** For signed-in users: revalidation, refresh, revocation at sign-out. */
    public Seams sessions() {
        return sessions;
    }

    /** Runs {@code work} with all its calls to GitHub ending within {@code budget} (see {@link GitHubTransport#withinBudget}). */
    public <T> T withinBudget(Duration budget, Supplier<T> work) {
        return transport.withinBudget(budget, work);
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
