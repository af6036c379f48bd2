package dev.octogate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a person does on the CLA site, as a test browser does it against the app at {@code base}. */
public final class ClaSteps {

    private ClaSteps() {
    }

    /** A browser signed in with the account behind {@code code} (on a {@link GitHubMock}). */
    public static TestBrowser signedIn(URI base, String code) throws Exception {
        TestBrowser browser = new TestBrowser();
        URI authorize = SignInSteps.authorize(browser, base, null);
        HttpResponse<String> callback = SignInSteps.callback(browser, base, authorize, code);
        assertEquals(302, callback.statusCode(), callback.body());
        return browser;
    }

    /** The anti-CSRF token of the browser's session, from its start page. */
    public static String csrf(TestBrowser browser, URI base) throws Exception {
        return TestBrowser.csrfToken(browser.get(URI.create(base + "/")).body());
    }

    /** A form POST of name, value pairs. */
    public static HttpResponse<String> post(TestBrowser browser, URI base, String path, String... form) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < form.length; i += 2) {
            values.put(form[i], form[i + 1]);
        }
        return browser.postForm(URI.create(base + path), values, TestBrowser.HTML);
    }

    /** An admin creates the agreement {@code slug} and publishes {@code text} as its version 1. */
    public static void create(TestBrowser admin, URI base, String slug, String text) throws Exception {
        HttpResponse<String> created = post(admin, base, "/admin/agreements", "slug", slug, "title", "Agreement " + slug,
                "csrf", csrf(admin, base));
        assertEquals(303, created.statusCode(), created.body());
        publish(admin, base, slug, text, "material", "First version");
    }

    /** An admin publishes the next version of {@code slug}. */
    public static void publish(TestBrowser admin, URI base, String slug, String text, String change, String changelog)
            throws Exception {
        HttpResponse<String> published = post(admin, base, "/admin/agreements/" + slug + "/versions", "text", text,
                "change", change, "changelog", changelog, "csrf", csrf(admin, base));
        assertEquals(303, published.statusCode(), published.body());
        assertEquals(URI.create(base + "/admin/agreements/" + slug), TestBrowser.location(published));
    }

    /** The signing form of {@code version} filled in and ticked, as the browser would send it. */
    public static Map<String, String> signForm(TestBrowser browser, URI base, String version) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(browser, base));
        form.put("version", version);
        form.put("name", "Mona Lisa Octocat");
        form.put("email", "mona@example.org");
        form.put("agree", "yes");
        return form;
    }

    /** Signs {@code version} of {@code slug}; the receipt's id. */
    public static String sign(TestBrowser browser, URI base, String slug, String version) throws Exception {
        HttpResponse<String> signed = browser.postForm(URI.create(base + "/agreements/" + slug + "/sign"),
                signForm(browser, base, version), TestBrowser.HTML);
        assertEquals(303, signed.statusCode(), signed.body());
        String location = TestBrowser.location(signed).getPath();
        String prefix = base.getPath() + "/signatures/";
        assertTrue(location.startsWith(prefix), location);
        return location.substring(prefix.length());
    }
}
