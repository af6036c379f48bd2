package dev.octogate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

/** The browser side of a sign-in against a {@link GitHubMock} on its happy path. */
public final class SignInSteps {

    private SignInSteps() {
    }

    /** {@code GET base/login}; the response must be the redirect to GitHub's authorize URL. */
    public static HttpResponse<String> login(TestBrowser browser, URI base) throws IOException, InterruptedException {
        HttpResponse<String> login = browser.get(URI.create(base + "/login"));
        if (login.statusCode() != 302) {
            throw new AssertionError("/login answered " + login.statusCode() + ": " + login.body());
        }
        return login;
    }

    /** {@code GET base/login[?next=…]} and the GitHub authorize URL it redirects to. */
    public static URI authorize(TestBrowser browser, URI base, String next) throws IOException, InterruptedException {
        HttpResponse<String> login = browser.get(URI.create(base + "/login" + (next == null ? "" : "?next=" + next)));
        if (login.statusCode() != 302) {
            throw new AssertionError("/login answered " + login.statusCode() + ": " + login.body());
        }
        return TestBrowser.location(login);
    }

    /** GitHub sending the browser back with {@code code} and the state of {@code authorize}. */
    public static HttpResponse<String> callback(TestBrowser browser, URI base, URI authorize, String code)
            throws IOException, InterruptedException {
        String state = TestBrowser.query(authorize).get("state");
        return browser.get(URI.create(base + "/callback?code=" + code + "&state=" + state));
    }

    /** Signs the browser in (GitHub mocked) and returns the callback's response. */
    public static HttpResponse<String> signIn(TestBrowser browser, URI base) throws IOException, InterruptedException {
        URI authorize = TestBrowser.location(login(browser, base));
        String state = TestBrowser.query(authorize).get("state");
        HttpResponse<String> callback = browser.get(URI.create(base + "/callback?code=test-code&state=" + state));
        if (callback.statusCode() != 302) {
            throw new AssertionError("/callback answered " + callback.statusCode() + ": " + callback.body());
        }
        return callback;
    }
}
