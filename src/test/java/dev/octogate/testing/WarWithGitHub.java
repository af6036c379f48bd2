package dev.octogate.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture most in-container tests share: the WAR on embedded Jetty with WireMock as GitHub,
 * started once per test class, and GitHub back on the happy path before each test.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final WarWithGitHub war = new WarWithGitHub("/cla", "github.scope", "read:org");
 * </pre>
 */
public final class WarWithGitHub implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final String contextPath;
    private final String[] settings;
    /** Set before the class's first test. */
    public GitHubMock github;
    public WarServer app;

    /** {@code settings}: name, value pairs added to those every test app has (see {@link WarServer#settings}). */
    public WarWithGitHub(String contextPath, String... settings) {
        this.contextPath = contextPath;
        this.settings = settings.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        github = new GitHubMock().happyPath();
        app = WarServer.start(contextPath, WarServer.settings(github.uri(), settings));
        assertTrue(app.available(), "the WAR deployed");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (app != null) {
            app.close();
        }
        if (github != null) {
            github.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        github.server.resetAll();
        github.happyPath();
    }

    /** A URL of the app: its base, then {@code path}. */
    public URI url(String path) {
        return URI.create(app.base() + path);
    }
}
