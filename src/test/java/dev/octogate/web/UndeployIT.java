package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.GitHubMock;
import dev.octogate.testing.LogCapture;
import dev.octogate.testing.SignInSteps;
import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.TomcatWarServer;
import dev.octogate.testing.WarServer;
import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undeploying the WAR leaves nothing running (the GitHub client's thread, the database pool's, the
 * JDBC driver's registration): once the container has stopped the app, no thread
 * that Octogate started (by name, or running with the app's class loader) is alive, and Tomcat,
 * which looks for such threads itself, warns of none. Each deployment has signed someone in and
 * out first, so that the GitHub client and its deadline thread are in use.
 */
class UndeployIT {

    GitHubMock github;

    @BeforeEach
    void startGitHub() {
        github = new GitHubMock().happyPath();
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    /** Threads that belong to the app: named as Octogate names its threads, or of its class loader. */
    static List<String> threadsOf(ClassLoader webapp) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("octogate") || t.getContextClassLoader() == webapp
                        || t.getClass().getClassLoader() == webapp)
                .map(t -> t.getName() + " (" + t.getState() + ")")
                .toList();
    }

    static void use(URI base) throws Exception {
        TestBrowser browser = new TestBrowser();
        SignInSteps.signIn(browser, base);
        String csrf = TestBrowser.csrfToken(browser.get(URI.create(base + "/")).body());
        assertEquals(303, browser.postForm(URI.create(base + "/logout"), java.util.Map.of("csrf", csrf),
                TestBrowser.HTML).statusCode());
    }

    @Test
    void jettyStopsEveryThreadOfTheApp() throws Exception {
        WarServer server = WarServer.start("/cla", WarServer.settings(github.uri()));
        assertTrue(server.available());
        use(server.base());
        ClassLoader webapp = server.webappClassLoader();
        assertTrue(threadsOf(webapp).stream().anyMatch(t -> t.startsWith("octogate-github-deadline")),
                "the test sees the app's thread while it runs: " + threadsOf(webapp));
        assertTrue(threadsOf(webapp).stream().anyMatch(t -> t.startsWith("octogate-db")),
                "and the database pool's: " + threadsOf(webapp));
        server.close();
        assertEquals(List.of(), threadsOf(webapp));
    }

    @Test
    void tomcatStopsEveryThreadOfTheAppAndWarnsOfNone() throws Exception {
        TomcatWarServer server = TomcatWarServer.start("/cla", WarServer.settings(github.uri()));
        assertTrue(server.available());
        use(server.base());
        ClassLoader webapp = server.webappClassLoader();
        assertTrue(threadsOf(webapp).stream().anyMatch(t -> t.startsWith("octogate-github-deadline")),
                "the test sees the app's thread while it runs: " + threadsOf(webapp));
        assertTrue(threadsOf(webapp).stream().anyMatch(t -> t.startsWith("octogate-db")),
                "and the database pool's: " + threadsOf(webapp));
        try (LogCapture tomcat = LogCapture.of("org.apache.catalina")) {
            server.close();
            assertEquals(List.of(), threadsOf(webapp));
            List<String> warnings = tomcat.messages(Level.WARNING);
            assertTrue(warnings.stream().noneMatch(l -> l.contains("--add-opens")),
                    "Tomcat's leak detection is on (see the failsafe argLine): " + warnings);
            assertEquals(List.of(), warnings.stream()
                    .filter(l -> l.contains("thread") || l.contains("ThreadLocal") || l.contains("JDBC")).toList());
        }
    }
}
