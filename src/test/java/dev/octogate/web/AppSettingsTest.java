package dev.octogate.web;

import dev.octogate.config.SettingsException;
import dev.octogate.config.SettingsReader;
import dev.octogate.config.SettingsSource;
import dev.octogate.web.http.PublicPaths;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppSettingsTest {

    private static final String SECRET = "s3cr3t-value";

    private Map<String, String> sys;
    private Map<String, String> env;
    private Map<String, String> ctx;

    @BeforeEach
    void setUp() {
        sys = new HashMap<>();
        env = new HashMap<>();
        ctx = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:postgresql://db:5432/octogate");
    }

    private SettingsReader reader() {
        return new SettingsReader(SettingsSource.of(sys::get), SettingsSource.of(env::get), SettingsSource.of(ctx::get));
    }

    private AppSettings load() {
        return AppSettings.read(reader());
    }

    /** Client id and secret set through the environment, as an operator usually does. */
    private void configured() {
        env.put("GITHUB_CLIENT_ID", "Iv1.0123456789abcdef");
        env.put("GITHUB_CLIENT_SECRET", SECRET);
    }

    private SettingsException loadFails() {
        return assertThrows(SettingsException.class, this::load);
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
    }

    // ---------------------------------------------------------------- precedence

    @Nested
    class Precedence {

        @Test
        void systemPropertyWinsOverEnvironmentAndContext() {
            configured();
            sys.put("github.scope", "read:org");
            env.put("GITHUB_SCOPE", "user:email");
            ctx.put("github.scope", "repo");
            assertEquals(List.of("read:org"), load().signIn().scopes());
        }

        @Test
        void environmentWinsOverContext() {
            configured();
            env.put("GITHUB_SCOPE", "user:email");
            ctx.put("github.scope", "repo");
            assertEquals(List.of("user:email"), load().signIn().scopes());
        }

        @Test
        void contextParameterIsUsedWhenNothingElseIsSet() {
            configured();
            ctx.put("github.scope", "repo");
            assertEquals(List.of("repo"), load().signIn().scopes());
        }

        @Test
        void clientIdFollowsTheSameOrder() {
            env.put("GITHUB_CLIENT_SECRET", SECRET);
            ctx.put("github.client-id", "from-context");
            assertEquals("from-context", load().github().clientId());
            env.put("GITHUB_CLIENT_ID", "from-env");
            assertEquals("from-env", load().github().clientId());
            sys.put("github.client-id", "from-sys");
            assertEquals("from-sys", load().github().clientId());
        }

        @Test
        void clientIdAliasEnvironmentVariable() {
            env.put("CLIENT_ID", "alias-id");
            env.put("CLIENT_SECRET", SECRET);
            AppSettings settings = load();
            assertEquals("alias-id", settings.github().clientId());
            assertEquals(SECRET, settings.github().clientSecret().value());
            assertTrue(reader().isSet(dev.octogate.github.GitHubSettings.CLIENT_ID));
        }

        @Test
        void primaryEnvironmentVariableWinsOverAlias() {
            env.put("GITHUB_CLIENT_ID", "primary-id");
            env.put("CLIENT_ID", "alias-id");
            env.put("GITHUB_CLIENT_SECRET", "primary-secret");
            env.put("CLIENT_SECRET", "alias-secret");
            AppSettings settings = load();
            assertEquals("primary-id", settings.github().clientId());
            assertEquals("primary-secret", settings.github().clientSecret().value());
        }

        @Test
        void blankValueCountsAsUnsetAndFallsThrough() {
            configured();
            sys.put("github.url", "   ");
            env.put("GITHUB_URL", "");
            ctx.put("github.url", "https://ghe.example");
            assertEquals(URI.create("https://ghe.example"), load().github().webUrl());
        }

        @Test
        void blankValueCountsAsUnsetAndGivesTheDefault() {
            configured();
            sys.put("github.timeout-seconds", " ");
            env.put("APP_REVALIDATE_SECONDS", "");
            env.put("GITHUB_URL", "  ");
            env.put("GITHUB_REVOKE_ON_LOGOUT", "");
            AppSettings settings = load();
            assertEquals(Duration.ofSeconds(10), settings.github().timeout());
            assertEquals(Duration.ofSeconds(300), settings.signIn().revalidateInterval());
            assertEquals(URI.create("https://github.com"), settings.github().webUrl());
            assertFalse(settings.signIn().revokeOnLogout());
        }

        @Test
        void blankClientIdIsMissing() {
            env.put("GITHUB_CLIENT_ID", "  ");
            env.put("GITHUB_CLIENT_SECRET", SECRET);
            assertFalse(reader().isSet(dev.octogate.github.GitHubSettings.CLIENT_ID));
            assertTrue(loadFails().getMessage().contains("github.client-id"));
        }

        @Test
        void valuesAreTrimmed() {
            env.put("GITHUB_CLIENT_ID", "  the-id  ");
            env.put("GITHUB_CLIENT_SECRET", SECRET);
            env.put("GITHUB_TIMEOUT_SECONDS", " 7 ");
            AppSettings settings = load();
            assertEquals("the-id", settings.github().clientId());
            assertEquals(Duration.ofSeconds(7), settings.github().timeout());
        }
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void defaults() {
        configured();
        AppSettings settings = load();
        assertAll(
                () -> assertEquals(List.of(), settings.signIn().scopes()),
                () -> assertEquals("", settings.signIn().scopeParameter()),
                () -> assertEquals(URI.create("https://github.com"), settings.github().webUrl()),
                () -> assertEquals(URI.create("https://api.github.com"), settings.github().apiUrl()),
                () -> assertEquals(Optional.empty(), settings.web().baseUrl()),
                () -> assertFalse(settings.web().publicPaths().matches("/about")),
                () -> assertTrue(settings.signIn().allowed().isEmpty()),
                () -> assertEquals(Duration.ofSeconds(10), settings.github().timeout()),
                () -> assertEquals(Duration.ofSeconds(300), settings.signIn().revalidateInterval()),
                () -> assertFalse(settings.signIn().revokeOnLogout()),
                () -> assertEquals(Duration.ofHours(24), settings.signIn().sessionMaxAge()),
                () -> assertEquals("\"cache\", \"storage\"", settings.web().clearSiteData()),
                () -> assertEquals(URI.create("https://github.com/login/oauth/authorize"), settings.github().authorizeUrl()),
                () -> assertEquals(URI.create("https://github.com/login/oauth/access_token"), settings.github().tokenUrl()));
    }

    // ---------------------------------------------------------------- required settings

    @Nested
    class Required {

        @Test
        void missingClientIdNamesPropertyAndEnvironmentVariableInOneLine() {
            env.put("GITHUB_CLIENT_SECRET", SECRET);
            assertFalse(reader().isSet(dev.octogate.github.GitHubSettings.CLIENT_ID));
            String message = loadFails().getMessage();
            assertAll(
                    () -> assertTrue(message.contains("github.client-id"), message),
                    () -> assertTrue(message.contains("GITHUB_CLIENT_ID"), message),
                    () -> assertOneLine(message),
                    () -> assertFalse(message.contains(SECRET), message));
        }

        @Test
        void missingClientSecretNamesPropertyAndEnvironmentVariableInOneLine() {
            env.put("GITHUB_CLIENT_ID", "the-id");
            String message = loadFails().getMessage();
            assertAll(
                    () -> assertTrue(message.contains("github.client-secret"), message),
                    () -> assertTrue(message.contains("GITHUB_CLIENT_SECRET"), message),
                    () -> assertOneLine(message));
        }

        @Test
        void nothingSetAtAllReportsTheClientId() {
            String message = loadFails().getMessage();
            assertTrue(message.contains("github.client-id"), message);
            assertOneLine(message);
        }

        @Test
        void missingDatabaseUrlNamesTheSettingInOneLine() {
            configured();
            env.remove("DATABASE_URL");
            String message = loadFails().getMessage();
            assertAll(
                    () -> assertTrue(message.contains("db.url"), message),
                    () -> assertTrue(message.contains("DATABASE_URL"), message),
                    () -> assertOneLine(message));
        }

        @Test
        void aDatabaseUrlMustBePostgresJdbc() {
            configured();
            for (String wrong : new String[] {"postgres://db/octogate", "jdbc:mysql://db/x", "jdbc:postgresql://db/x y"}) {
                env.put("DATABASE_URL", wrong);
                String message = loadFails().getMessage();
                assertTrue(message.contains("DATABASE_URL") && message.contains("jdbc:postgresql://"), message);
                assertOneLine(message);
            }
        }

        @Test
        void theDatabasePasswordIsASecretAndThePoolSizeBounded() {
            configured();
            env.put("DATABASE_USER", "octogate");
            env.put("DATABASE_PASSWORD", "db-pa55word");
            env.put("DATABASE_POOL_SIZE", "4");
            AppSettings settings = load();
            assertEquals(4, settings.database().poolSize());
            assertEquals("db-pa55word", settings.database().password().orElseThrow().value());
            assertFalse(settings.summary().contains("db-pa55word"), settings.summary());
            assertFalse(settings.database().toString().contains("db-pa55word"));
            env.put("DATABASE_POOL_SIZE", "0");
            String message = loadFails().getMessage();
            assertTrue(message.contains("DATABASE_POOL_SIZE"), message);
            assertFalse(message.contains("db-pa55word"), message);
        }

        @Test
        void aPasswordInTheUrlsQueryIsNeverShown() {
            configured();
            env.put("DATABASE_URL", "jdbc:postgresql://db:5432/octogate?user=o&password=in-the-url");
            AppSettings settings = load();
            assertFalse(settings.summary().contains("in-the-url"), settings.summary());
            assertEquals("jdbc:postgresql://db:5432/octogate?…", settings.database().safeUrl());
        }

        @Test
        void clientIdWithSpacesIsRejected() {
            env.put("GITHUB_CLIENT_ID", "two words");
            env.put("GITHUB_CLIENT_SECRET", SECRET);
            String message = loadFails().getMessage();
            assertTrue(message.contains("github.client-id"), message);
            assertOneLine(message);
        }
    }

    // ---------------------------------------------------------------- the secret stays secret

    @Nested
    class SecretStaysSecret {

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', value = {
                "GITHUB_URL|not a url",
                "GITHUB_URL|ftp://ghe.example",
                "GITHUB_API_URL|https://api.example?x=1",
                "APP_BASE_URL|https://user:pw@app.example",
                "APP_PUBLIC_PATHS|about",
                "GITHUB_ALLOWED_USERS|not a login!",
                "GITHUB_ALLOWED_ORGS|bad_org!",
                "GITHUB_ALLOWED_TEAMS|no-slash",
                "GITHUB_SCOPE|read:org$",
                "GITHUB_TIMEOUT_SECONDS|ten",
                "APP_REVALIDATE_SECONDS|-1",
                "GITHUB_REVOKE_ON_LOGOUT|maybe",
                "APP_SESSION_MAX_HOURS|0",
        })
        void invalidOtherSettingNeverShowsTheSecret(String variable, String value) {
            configured();
            env.put(variable, value);
            String message = loadFails().getMessage();
            assertFalse(message.contains(SECRET), message);
            assertTrue(message.contains(variable), message);
            assertOneLine(message);
        }

        @Test
        void invalidClientIdNeverShowsTheSecret() {
            env.put("GITHUB_CLIENT_ID", "bad id");
            env.put("GITHUB_CLIENT_SECRET", SECRET);
            assertFalse(loadFails().getMessage().contains(SECRET));
        }

        @Test
        void settingsToStringHidesTheSecret() {
            configured();
            AppSettings settings = load();
            assertFalse(settings.toString().contains(SECRET), settings.toString());
            assertFalse(settings.github().clientSecret().toString().contains(SECRET));
            assertEquals(SECRET, settings.github().clientSecret().value());
        }
    }

    // ---------------------------------------------------------------- URLs

    @Nested
    class Urls {

        @ParameterizedTest
        @ValueSource(strings = {
                "not a url",
                "ghe.example",
                "/relative/path",
                "ftp://ghe.example",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "https://ghe.example/?x=1",
                "https://ghe.example?x=1",
                "https://ghe.example/path#fragment",
                "https://user:password@ghe.example",
                "https://",
        })
        void invalidGithubUrlIsRejectedNamingTheSetting(String value) {
            configured();
            env.put("GITHUB_URL", value);
            String message = loadFails().getMessage();
            assertTrue(message.contains("github.url") && message.contains("GITHUB_URL"), message);
            assertOneLine(message);
        }

        @ParameterizedTest
        @CsvSource({
                "GITHUB_API_URL, github.api-url",
                "APP_BASE_URL, app.base-url",
        })
        void urlWithQueryIsRejectedForEveryUrlSetting(String variable, String property) {
            configured();
            env.put(variable, "https://app.example/x?y=1");
            String message = loadFails().getMessage();
            assertTrue(message.contains(property), message);
        }

        @Test
        void nonHttpSchemeIsRejectedForBaseUrl() {
            configured();
            env.put("APP_BASE_URL", "ws://app.example");
            assertTrue(loadFails().getMessage().contains("app.base-url"));
        }

        @Test
        void trailingSlashIsStripped() {
            configured();
            env.put("GITHUB_URL", "https://ghe.example/prefix/");
            env.put("APP_BASE_URL", "https://app.example/cla/");
            AppSettings settings = load();
            assertEquals(URI.create("https://ghe.example/prefix"), settings.github().webUrl());
            assertEquals(Optional.of(URI.create("https://app.example/cla")), settings.web().baseUrl());
            assertEquals(URI.create("https://ghe.example/prefix/login/oauth/authorize"), settings.github().authorizeUrl());
        }

        @Test
        void bareHostWithSlashBecomesBareHost() {
            configured();
            env.put("APP_BASE_URL", "https://app.example/");
            assertEquals(Optional.of(URI.create("https://app.example")), load().web().baseUrl());
        }

        @Test
        void httpIsAcceptedAndPortKept() {
            configured();
            env.put("GITHUB_URL", "http://localhost:8089");
            AppSettings settings = load();
            assertEquals(URI.create("http://localhost:8089"), settings.github().webUrl());
            assertEquals(URI.create("http://localhost:8089/api/v3"), settings.github().apiUrl());
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://github.com", "https://github.com/", "https://GitHub.com"})
        void apiUrlDefaultsToApiGithubComForGithubCom(String githubUrl) {
            configured();
            env.put("GITHUB_URL", githubUrl);
            assertEquals(URI.create("https://api.github.com"), load().github().apiUrl());
        }

        @ParameterizedTest
        @CsvSource({
                "https://ghe.example,              https://ghe.example/api/v3",
                "https://ghe.example/,             https://ghe.example/api/v3",
                "https://ghe.example/prefix,       https://ghe.example/prefix/api/v3",
                "https://ghe.example/prefix/,      https://ghe.example/prefix/api/v3",
                "https://ghe.example:8443/prefix,  https://ghe.example:8443/prefix/api/v3",
        })
        void apiUrlDefaultsToGithubUrlPlusApiV3ForEnterpriseServer(String githubUrl, String expectedApiUrl) {
            configured();
            env.put("GITHUB_URL", githubUrl);
            assertEquals(URI.create(expectedApiUrl), load().github().apiUrl());
        }

        @Test
        void explicitApiUrlWins() {
            configured();
            env.put("GITHUB_URL", "https://ghe.example/prefix");
            env.put("GITHUB_API_URL", "https://api.ghe.example/custom/");
            assertEquals(URI.create("https://api.ghe.example/custom"), load().github().apiUrl());
        }
    }

    // ---------------------------------------------------------------- numbers and booleans

    @Nested
    class Numbers {

        @ParameterizedTest
        @ValueSource(strings = {"ten", "1.5", "-1", "0", "10s", "99999999999999999999"})
        void invalidTimeoutIsRejected(String value) {
            configured();
            env.put("GITHUB_TIMEOUT_SECONDS", value);
            String message = loadFails().getMessage();
            assertTrue(message.contains("github.timeout-seconds") && message.contains("GITHUB_TIMEOUT_SECONDS"), message);
            assertOneLine(message);
        }

        @Test
        void timeoutIsRead() {
            configured();
            env.put("GITHUB_TIMEOUT_SECONDS", "30");
            assertEquals(Duration.ofSeconds(30), load().github().timeout());
        }

        @Test
        void revalidateZeroIsAccepted() {
            configured();
            env.put("APP_REVALIDATE_SECONDS", "0");
            assertEquals(Duration.ZERO, load().signIn().revalidateInterval());
        }

        @Test
        void negativeRevalidateIsRejected() {
            configured();
            env.put("APP_REVALIDATE_SECONDS", "-5");
            assertTrue(loadFails().getMessage().contains("app.revalidate-seconds"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "many"})
        void invalidSessionMaxHoursIsRejected(String value) {
            configured();
            env.put("APP_SESSION_MAX_HOURS", value);
            assertTrue(loadFails().getMessage().contains("app.session-max-hours"));
        }

        @Test
        void sessionMaxHoursIsRead() {
            configured();
            env.put("APP_SESSION_MAX_HOURS", "8");
            assertEquals(Duration.ofHours(8), load().signIn().sessionMaxAge());
        }

        @ParameterizedTest
        @CsvSource({"true, true", "TRUE, true", "yes, true", "Yes, true", "false, false", "no, false", "NO, false"})
        void booleansAccepted(String value, boolean expected) {
            configured();
            env.put("GITHUB_REVOKE_ON_LOGOUT", value);
            assertEquals(expected, load().signIn().revokeOnLogout());
        }

        @ParameterizedTest
        @ValueSource(strings = {"maybe", "truthy", "2"})
        void otherBooleansRejected(String value) {
            configured();
            env.put("GITHUB_REVOKE_ON_LOGOUT", value);
            String message = loadFails().getMessage();
            assertTrue(message.contains("github.revoke-on-logout") && message.contains("GITHUB_REVOKE_ON_LOGOUT"), message);
        }
    }

    // ---------------------------------------------------------------- lists

    @Nested
    class Lists {

        @ParameterizedTest
        @ValueSource(strings = {"read:org user:email", "read:org,user:email", "read:org, user:email", " read:org ,, user:email "})
        void scopesSpaceOrCommaSeparated(String value) {
            configured();
            env.put("GITHUB_SCOPE", value);
            AppSettings settings = load();
            assertEquals(List.of("read:org", "user:email"), settings.signIn().scopes());
            assertEquals("read:org user:email", settings.signIn().scopeParameter());
        }

        @Test
        void invalidScopeIsRejected() {
            configured();
            env.put("GITHUB_SCOPE", "read:org&evil=1");
            assertTrue(loadFails().getMessage().contains("github.scope"));
        }

        @Test
        void allowedUsersAndOrgsAreLowerCased() {
            configured();
            env.put("GITHUB_ALLOWED_USERS", "Octocat, HUBOT");
            env.put("GITHUB_ALLOWED_ORGS", "GitHub,My-Org");
            AppSettings settings = load();
            assertEquals(Set.of("octocat", "hubot"), settings.signIn().allowed().users());
            assertEquals(Set.of("github", "my-org"), settings.signIn().allowed().orgs());
            assertFalse(settings.signIn().allowed().isEmpty());
        }

        @Test
        void teamsAreOrgSlashSlugAndLowerCased() {
            configured();
            env.put("GITHUB_ALLOWED_TEAMS", "MyOrg/Core-Team, other/docs");
            AppSettings settings = load();
            assertEquals(Set.of("myorg/core-team", "other/docs"), settings.signIn().allowed().teams());
            assertFalse(settings.signIn().allowed().isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"core-team", "org/", "/team", "org/team/extra", "org//team"})
        void teamsWithoutOrgSlashSlugAreRejected(String value) {
            configured();
            env.put("GITHUB_ALLOWED_TEAMS", value);
            String message = loadFails().getMessage();
            assertTrue(message.contains("github.allowed-teams"), message);
            assertOneLine(message);
        }

        @Test
        void invalidLoginIsRejected() {
            configured();
            env.put("GITHUB_ALLOWED_USERS", "octo_cat");
            assertTrue(loadFails().getMessage().contains("github.allowed-users"));
        }

        @Test
        void publicPathsExactAndPrefix() {
            configured();
            env.put("APP_PUBLIC_PATHS", "/about, /docs/*");
            PublicPaths paths = load().web().publicPaths();
            assertEquals(List.of("/about"), paths.exact());
            assertEquals(List.of("/docs"), paths.prefixes());
            assertTrue(paths.matches("/about"));
            assertTrue(paths.matches("/docs/guide"));
            assertFalse(paths.matches("/about/more"));
        }

        @Test
        void invalidPublicPathIsRejectedNamingTheSetting() {
            configured();
            env.put("APP_PUBLIC_PATHS", "/ok, ../etc");
            String message = loadFails().getMessage();
            assertTrue(message.contains("app.public-paths") && message.contains("APP_PUBLIC_PATHS"), message);
            assertOneLine(message);
        }
    }

    // ---------------------------------------------------------------- Clear-Site-Data

    @Nested
    class ClearSiteData {

        @Test
        void defaultIsCacheAndStorageWithoutCookies() {
            configured();
            String value = load().web().clearSiteData();
            assertEquals("\"cache\", \"storage\"", value);
            assertFalse(value.contains("cookies"));
        }

        @Test
        void explicitlyEmptyValueSendsNone() {
            configured();
            env.put("APP_CLEAR_SITE_DATA", "");
            assertEquals("", load().web().clearSiteData());
        }

        @Test
        void explicitlyEmptyContextParameterSendsNone() {
            configured();
            ctx.put("app.clear-site-data", "");
            assertEquals("", load().web().clearSiteData());
        }

        @Test
        void explicitValueIsUsed() {
            configured();
            env.put("APP_CLEAR_SITE_DATA", "\"cache\"");
            assertEquals("\"cache\"", load().web().clearSiteData());
        }

        @Test
        void controlCharactersAreRejected() {
            configured();
            env.put("APP_CLEAR_SITE_DATA", "\"cache\"\r\nSet-Cookie: x=1");
            String message = loadFails().getMessage();
            assertTrue(message.contains("app.clear-site-data"), message);
            assertOneLine(message);
        }
    }
}
