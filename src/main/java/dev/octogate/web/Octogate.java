package dev.octogate.web;

import dev.octogate.auth.AccessPolicy;
import dev.octogate.auth.PendingSignIns;
import dev.octogate.auth.RandomTokens;
import dev.octogate.auth.SignInCompletion;
import dev.octogate.auth.SignInStart;
import dev.octogate.auth.SessionRevalidation;
import dev.octogate.auth.SignOut;
import dev.octogate.config.Settings;
import dev.octogate.github.GitHubClient;
import java.time.Clock;

/**
 * The app's parts, wired once per deployment and handed to the filters and servlets. No static
 * state: two deployments in one JVM (or tests) each have their own.
 */
final class Octogate implements AutoCloseable {

    final Settings settings;
    final Clock clock;
    final GitHubClient github;
    final SignInStart signInStart;
    final SignInCompletion signInCompletion;
    final SignOut signOut;
    final SessionRevalidation revalidation;
    final AppUrls urls;
    final Responses responses;
    final SessionLocks locks = new SessionLocks();

    Octogate(Settings settings, GitHubClient github, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.github = github;
        RandomTokens random = new RandomTokens();
        PendingSignIns pending = new PendingSignIns(clock);
        this.signInStart = new SignInStart(settings, pending, random, clock);
        this.signInCompletion = new SignInCompletion(pending, github, new AccessPolicy(settings, github), random, clock,
                settings.revalidateInterval());
        this.revalidation = new SessionRevalidation(settings, github, clock);
        this.signOut = new SignOut(settings, github);
        this.urls = new AppUrls(settings);
        this.responses = new Responses(urls, Responses.pagePolicy(settings.githubUrl(), settings.apiUrl()));
    }

    /** The signed-in user of this request's session, after any check that is due. */
    java.util.Optional<dev.octogate.auth.SignedInUser> signedInUser(jakarta.servlet.http.HttpServletRequest request) {
        HttpSessionAttributes session = HttpSessionAttributes.existing(request, locks);
        return session == null ? java.util.Optional.empty() : revalidation.current(session);
    }

    @Override
    public void close() {
        github.close();
    }
}
