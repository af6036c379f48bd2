package dev.octogate.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * All of Octogate's settings, validated, immutable. Built once at start by {@link SettingsLoader}
 * and handed to everything that needs it.
 *
 * @param githubUrl web host without a trailing slash; authorize and token endpoints are below
 *                  {@code /login/oauth/}
 * @param apiUrl    REST API base without a trailing slash
 * @param baseUrl   the app's public URL including its context path, without a trailing slash;
 *                  empty: taken from each request
 * @param allowedUsers  lower-case logins; empty: anyone (unless another allow-list is set)
 * @param allowedOrgs   lower-case organisation logins
 * @param allowedTeams  lower-case {@code org/team-slug}
 * @param clearSiteData the {@code Clear-Site-Data} header value on sign-out; empty sends none
 */
public record Settings(
        String clientId,
        Secret clientSecret,
        List<String> scopes,
        URI githubUrl,
        URI apiUrl,
        Optional<URI> baseUrl,
        PublicPaths publicPaths,
        Set<String> allowedUsers,
        Set<String> allowedOrgs,
        Set<String> allowedTeams,
        Duration timeout,
        Duration revalidateInterval,
        boolean revokeOnLogout,
        Duration sessionMaxAge,
        String clearSiteData) {

    public Settings {
        scopes = List.copyOf(scopes);
        allowedUsers = Set.copyOf(allowedUsers);
        allowedOrgs = Set.copyOf(allowedOrgs);
        allowedTeams = Set.copyOf(allowedTeams);
    }

    /** True when no allow-list is set: every GitHub account may sign in. */
    public boolean anyoneMaySignIn() {
        return allowedUsers.isEmpty() && allowedOrgs.isEmpty() && allowedTeams.isEmpty();
    }

    /** The scopes as GitHub's {@code scope} parameter wants them: space separated. */
    public String scopeParameter() {
        return String.join(" ", scopes);
    }

    /** The authorize endpoint the browser is sent to. */
    public URI authorizeUrl() {
        return URI.create(githubUrl + "/login/oauth/authorize");
    }

    /** The token endpoint codes and refresh tokens are exchanged at. */
    public URI tokenUrl() {
        return URI.create(githubUrl + "/login/oauth/access_token");
    }

    @Override
    public String toString() {
        // Never print the secret, even by accident through a debug log.
        return "Settings[clientId=" + clientId + ", githubUrl=" + githubUrl + ", apiUrl=" + apiUrl
                + ", baseUrl=" + baseUrl.map(URI::toString).orElse("(from request)") + ", scopes=" + scopes + "]";
    }
}
