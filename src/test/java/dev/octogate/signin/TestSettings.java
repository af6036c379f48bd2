package dev.octogate.signin;

import dev.octogate.config.Secret;
import dev.octogate.config.SettingsReader;
import dev.octogate.config.SettingsSource;
import dev.octogate.crypto.Keys;
import dev.octogate.github.GitHubSettings;
import java.util.HashMap;
import java.util.Map;

/** Settings for unit tests, from environment variables, with a client id and secret set. */
final class TestSettings {

    static final String CLIENT_ID = "Iv1.0123456789abcdef";
    static final String SECRET = "s3cr3t-value";

    private TestSettings() {
    }

    static SettingsReader reader(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("GITHUB_CLIENT_ID", CLIENT_ID);
        env.putIfAbsent("GITHUB_CLIENT_SECRET", SECRET);
        return new SettingsReader(SettingsSource.none(), SettingsSource.of(env::get), SettingsSource.none());
    }

    static GitHubSettings github(Map<String, String> environment) {
        return GitHubSettings.read(reader(environment));
    }

    static SignInSettings signIn(Map<String, String> environment) {
        return SignInSettings.read(reader(environment));
    }

    /** Where signed-in users are kept, sealed with keys from the test's client secret. */
    static SignedInSessions sessions() {
        return new SignedInSessions(Keys.from(java.util.List.of(), new Secret(SECRET)).sealer("session"));
    }
}
