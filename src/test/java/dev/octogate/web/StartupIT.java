package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.RawHttp;
import dev.octogate.testing.TestDatabase;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "A missing or invalid required setting stops the application at start: the deployment fails
 * and the log says, in one line, which setting is missing and how to set it. A secret's value
 * never appears in a log line." And a valid deployment works at the root and deep below it.
 */
class StartupIT {

    static final String SECRET = "sup3r-s3cret-value";

    static GitHubMock github;

    @BeforeAll
    static void start() {
        // Settings from the process would win over the context parameters these tests use.
        for (String name : List.of("GITHUB_CLIENT_ID", "CLIENT_ID", "GITHUB_CLIENT_SECRET", "CLIENT_SECRET", "GITHUB_URL",
                "GITHUB_API_URL", "APP_BASE_URL", "GITHUB_TIMEOUT_SECONDS", "APP_PUBLIC_PATHS")) {
            assumeTrue(System.getenv(name) == null, name + " is set in the environment");
        }
        for (String name : List.of("github.client-id", "github.client-secret", "github.url", "github.api-url",
                "app.base-url", "github.timeout-seconds", "app.public-paths", "octogate.standin")) {
            assumeTrue(System.getProperty(name) == null, name + " is set as a system property");
        }
        github = new GitHubMock().happyPath();
    }

    @AfterAll
    static void stop() {
        if (github != null) {
            github.close();
        }
    }

    /** What a deployment attempt left behind. */
    record Attempt(boolean available, Exception thrown, List<String> log, int healthStatus) {
    }

    static Attempt deploy(String contextPath, Map<String, String> settings) throws Exception {
        WarServer server = null;
        Exception thrown = null;
        int health = -1;
        boolean available = false;
        List<String> log;
        try (LogCapture capture = LogCapture.of("dev.octogate")) {
            try {
                server = WarServer.start(contextPath, settings);
                available = server.available();
                health = RawHttp.get(server.port(), server.contextPath() + "/health", "Accept", "application/json").status();
            } catch (Exception e) {
                thrown = e;
            }
            log = capture.lines();
        } finally {
            if (server != null) {
                server.close();
            }
        }
        return new Attempt(available, thrown, log, health);
    }

    static Map<String, String> settings(String... keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                settings.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return settings;
    }

    static Map<String, String> valid(String... overrides) {
        Map<String, String> settings = WarServer.settings(github.uri(), "github.client-secret", SECRET);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                settings.remove(overrides[i]);
            } else {
                settings.put(overrides[i], overrides[i + 1]);
            }
        }
        return settings;
    }

    static void assertFailedNaming(Attempt attempt, String... words) {
        assertFalse(attempt.available() && attempt.thrown() == null, "the deployment must fail; log: " + attempt.log());
        assertNotEquals(200, attempt.healthStatus(), "a failed deployment does not answer /health");
        List<String> naming = attempt.log().stream()
                .filter(line -> Stream.of(words).allMatch(line::contains)).toList();
        assertFalse(naming.isEmpty(), "one log record names " + List.of(words) + "; log: " + attempt.log());
        for (String line : naming) {
            assertFalse(line.contains("\n") || line.contains("\r"), "in one line: " + line);
        }
        assertNoSecret(attempt);
    }

    static void assertNoSecret(Attempt attempt) {
        for (String line : attempt.log()) {
            assertFalse(line.contains(SECRET), "secret in a log record: " + line);
        }
        for (Throwable t = attempt.thrown(); t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), "secret in an exception message: " + t);
        }
    }

    @Test
    void withoutAClientIdTheDeploymentFailsAndSaysHowToSetIt() throws Exception {
        Attempt attempt = deploy("/cla", valid("github.client-id", null));
        assertFailedNaming(attempt, "github.client-id", "GITHUB_CLIENT_ID");
    }

    @Test
    void aBlankClientIdIsMissing() throws Exception {
        Attempt attempt = deploy("/cla", valid("github.client-id", "   "));
        assertFailedNaming(attempt, "github.client-id", "GITHUB_CLIENT_ID");
    }

    @Test
    void withoutASecretTheDeploymentFailsAndSaysHowToSetIt() throws Exception {
        Attempt attempt = deploy("/cla", valid("github.client-secret", null));
        assertFailedNaming(attempt, "github.client-secret", "GITHUB_CLIENT_SECRET");
    }

    @Test
    void anInvalidGitHubUrlFailsTheDeploymentNamingIt() throws Exception {
        Attempt attempt = deploy("/cla", valid("github.url", "not a url"));
        assertFailedNaming(attempt, "github.url", "GITHUB_URL");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("github.url", "GITHUB_URL", "ftp://github.example"),
                Arguments.of("github.url", "GITHUB_URL", "https://octo:" + SECRET + "@github.example"),
                Arguments.of("github.api-url", "GITHUB_API_URL", "not a url"),
                Arguments.of("app.base-url", "APP_BASE_URL", "cla.example.org/cla"),
                Arguments.of("github.timeout-seconds", "GITHUB_TIMEOUT_SECONDS", "ten"),
                Arguments.of("app.public-paths", "APP_PUBLIC_PATHS", "about"),
                Arguments.of("github.client-id", "GITHUB_CLIENT_ID", "has spaces"));
    }

    @ParameterizedTest(name = "{0}={2}")
    @MethodSource("invalidSettings")
    void otherInvalidSettingsFailTheDeploymentNamingThem(String property, String variable, String value) throws Exception {
        Attempt attempt = deploy("/cla", valid(property, value));
        assertFailedNaming(attempt, property, variable);
    }

    @Test
    void withoutADatabaseUrlTheDeploymentFailsAndSaysHowToSetIt() throws Exception {
        Attempt attempt = deploy("/cla", valid("db.url", null));
        assertFailedNaming(attempt, "db.url", "DATABASE_URL");
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresFailsNamingIt() throws Exception {
        Attempt attempt = deploy("/cla", valid("db.url", "jdbc:h2:mem:octogate"));
        assertFailedNaming(attempt, "db.url", "DATABASE_URL");
    }

    @Test
    void aDatabaseNobodyAnswersAtFailsNamingTheUrl() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Attempt attempt = deploy("/cla", valid("db.url", "jdbc:postgresql://127.0.0.1:" + closed + "/octogate"));
        assertFailedNaming(attempt, "DATABASE_URL", "127.0.0.1:" + closed);
    }

    @Test
    void credentialsTheDatabaseRefusesFailNamingTheSettingsNeverThePassword() throws Exception {
        // The test server trusts loopback connections, so an unknown role stands for wrong credentials.
        String withoutUser = TestDatabase.newDatabase().replaceAll("\\?.*$", "");
        Attempt attempt = deploy("/cla", valid("db.url", withoutUser, "db.user", "no_such_role", "db.password", SECRET));
        assertFailedNaming(attempt, "DATABASE_USER", "DATABASE_PASSWORD");
    }

    @Test
    void aDatabaseThatDoesNotExistFailsSayingSo() throws Exception {
        String url = TestDatabase.newDatabase().replaceAll("/octogate_test_\\d+", "/no_such_database");
        Attempt attempt = deploy("/cla", valid("db.url", url));
        assertFailedNaming(attempt, "DATABASE_URL", "does not exist");
    }

    @Test
    void theSecretIsNotLoggedWhenTheDeploymentStarts() throws Exception {
        Attempt attempt = deploy("/cla", valid());
        assertTrue(attempt.available(), "deployed; log: " + attempt.log());
        assertEquals(200, attempt.healthStatus());
        assertNoSecret(attempt);
    }

    @ParameterizedTest(name = "context path {0}")
    @ValueSource(strings = {"/", "/anything/deeper"})
    void aValidDeploymentWorksAtTheRootAndDeepBelowIt(String contextPath) throws Exception {
        List<String> log = new ArrayList<>();
        try (LogCapture capture = LogCapture.of("dev.octogate");
             WarServer server = WarServer.start(contextPath, valid())) {
            assertTrue(server.available(), "deployed under " + contextPath);
            TestBrowser browser = new TestBrowser();
            String base = server.base().toString();

            HttpResponse<String> health = browser.get(URI.create(base + "/health"), "application/json");
            assertEquals(200, health.statusCode());
            assertEquals("{\"status\":\"UP\"}", health.body().trim());

            HttpResponse<String> guarded = browser.get(URI.create(base + "/api/me"));
            assertEquals(302, guarded.statusCode());
            assertEquals(server.contextPath() + "/login?next=%2Fapi%2Fme", guarded.headers().firstValue("Location").orElseThrow());

            HttpResponse<String> login = browser.get(URI.create(base + "/login?next=%2Fapi%2Fme"));
            assertEquals(302, login.statusCode());
            URI authorize = TestBrowser.location(login);
            assertEquals(github.uri().getAuthority(), authorize.getAuthority());
            assertEquals("/login/oauth/authorize", authorize.getPath());
            assertEquals(base + "/callback", TestBrowser.query(authorize).get("redirect_uri"));

            HttpResponse<String> back = browser.get(URI.create(base + "/callback?code=c&state="
                    + TestBrowser.query(authorize).get("state")));
            assertEquals(302, back.statusCode(), back.body());
            assertEquals(server.contextPath() + "/api/me", back.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> me = browser.get(URI.create(base + "/api/me"), "application/json");
            assertEquals(200, me.statusCode());
            assertTrue(me.body().contains("\"login\":\"octocat\""), me.body());
            HttpResponse<String> index = browser.get(URI.create(base + "/"));
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("Hello octocat!"));
            assertTrue(index.body().contains("action=\"" + server.contextPath() + "/logout\""), "sign-out form inside the app");
            log.addAll(capture.lines());
        }
        for (String line : log) {
            assertFalse(line.contains(SECRET), "secret logged: " + line);
            assertFalse(line.contains(GitHubMock.TOKEN), "token logged: " + line);
        }
    }
}
