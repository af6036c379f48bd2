package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.TestBrowser;
import dev.octogate.testing.WarWithGitHub;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code APP_PUBLIC_PATHS}: exact ({@code /about}) and prefix ({@code /docs/*}) paths pass the guard;
 * nothing in the WAR serves them, so the container's 404 is what shows the guard let them through.
 */
class PublicPathsIT {

    @RegisterExtension
    static final WarWithGitHub war = new WarWithGitHub("/cla", "app.public-paths", "/about,/docs/*");


    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/about", "/docs/x", "/docs", "/docs/", "/docs/a/b.html", "/about?x=1"})
    void publicPathsAreNotGuarded(String path) throws Exception {
        for (String accept : new String[] {TestBrowser.HTML, "application/json"}) {
            TestBrowser browser = new TestBrowser();
            HttpResponse<String> response = browser.get(war.url(path), accept);
            assertEquals(404, response.statusCode(), path + " (" + accept + ") passed the guard to the container: "
                    + response.headers().map() + "\n" + response.body());
            assertTrue(response.headers().firstValue("Location").isEmpty(), "not sent to sign in");
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null),
                    "the container's page still carries the app's headers");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/aboutx", "/docsx", "/about/x", "/abou", "/doc", "/docsx/y", "/xdocs/x"})
    void lookAlikesStayProtected(String path) throws Exception {
        HttpResponse<String> browser = new TestBrowser().get(war.url(path));
        assertEquals(302, browser.statusCode(), path);
        assertEquals("/cla/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8), browser.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> api = new TestBrowser().get(war.url(path), "application/json");
        assertEquals(401, api.statusCode(), path);
        assertTrue(api.body().contains("\"error\":\"unauthenticated\""), api.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/me", "/"})
    void builtInProtectedPathsStayProtected(String path) throws Exception {
        assertEquals(302, new TestBrowser().get(war.url(path)).statusCode(), path);
        assertEquals(401, new TestBrowser().get(war.url(path), "application/json").statusCode(), path);
    }
}
