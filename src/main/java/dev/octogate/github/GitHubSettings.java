package dev.octogate.github;

import dev.octogate.config.Parsers;
import dev.octogate.config.Secret;
import dev.octogate.config.Setting;
import dev.octogate.config.SettingsReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which GitHub Octogate talks to and as which app.
 *
 * @param webUrl  web host without a trailing slash; authorize and token endpoints are below
 *                {@code /login/oauth/}
 * @param apiUrl  REST API base without a trailing slash
 * @param timeout bounds each call as a whole
 */
public record GitHubSettings(String clientId, Secret clientSecret, URI webUrl, URI apiUrl, Duration timeout) {

    public static final Setting<String> CLIENT_ID = Setting.required("github.client-id",
            Parsers.token("a GitHub client id"), "GITHUB_CLIENT_ID", "CLIENT_ID");
    public static final Setting<Secret> CLIENT_SECRET = Setting.required("github.client-secret",
            Parsers.secret(), "GITHUB_CLIENT_SECRET", "CLIENT_SECRET").secret();
    public static final Setting<URI> URL = Setting.withDefault("github.url", "https://github.com",
            Parsers.httpUrl(), "GITHUB_URL");
    public static final Setting<Optional<URI>> API_URL = Setting.optional("github.api-url",
            Parsers.httpUrl(), "GITHUB_API_URL");
    public static final Setting<Duration> TIMEOUT = Setting.withDefault("github.timeout-seconds", "10",
            Parsers.seconds(1, 600), "GITHUB_TIMEOUT_SECONDS");

    /** Every setting of this record, for the settings table. */
    public static final List<Setting<?>> SETTINGS = List.of(CLIENT_ID, CLIENT_SECRET, URL, API_URL, TIMEOUT);

    public static GitHubSettings read(SettingsReader settings) {
        String clientId = settings.get(CLIENT_ID);
        Secret secret = settings.get(CLIENT_SECRET);
        URI webUrl = settings.get(URL);
        URI apiUrl = settings.get(API_URL).orElseGet(() -> defaultApiUrl(webUrl));
        return new GitHubSettings(clientId, secret, webUrl, apiUrl, settings.get(TIMEOUT));
    }

    /** GitHub.com's API lives on its own host; GitHub Enterprise Server's under {@code /api/v3}. */
    static URI defaultApiUrl(URI webUrl) {
        String host = webUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("github.com") || host.equals("www.github.com")) {
            return URI.create("https://api.github.com");
        }
        return URI.create(webUrl + "/api/v3");
    }

    /** The authorize endpoint the browser is sent to. */
    public URI authorizeUrl() {
        return URI.create(webUrl + "/login/oauth/authorize");
    }

    /** The token endpoint codes and refresh tokens are exchanged at. */
    public URI tokenUrl() {
        return URI.create(webUrl + "/login/oauth/access_token");
    }

    @Override
    public String toString() {
        // Never print the secret, even by accident through a debug log.
        return "GitHubSettings[clientId=" + clientId + ", webUrl=" + webUrl + ", apiUrl=" + apiUrl
                + ", timeout=" + timeout.toSeconds() + "s]";
    }
}
