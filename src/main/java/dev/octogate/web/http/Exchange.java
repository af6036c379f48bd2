package dev.octogate.web.http;

import dev.octogate.signin.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request to a route, as its handler sees it: what was asked, who asks, and ways to answer. */
public final class Exchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Map<String, String> pathParameters;
    private final Replies replies;
    private final CurrentUser currentUser;

    Exchange(HttpServletRequest request, HttpServletResponse response, Map<String, String> pathParameters,
             Replies replies, CurrentUser currentUser) {
        this.request = request;
        this.response = response;
        this.pathParameters = pathParameters;
        this.replies = replies;
        this.currentUser = currentUser;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    /** A query or form parameter, or null; a request the container cannot parse is a {@code 400}. */
    public String parameter(String name) {
        return Requests.parameter(request, name);
    }

    /** The value of a named segment of the route's path, such as {@code slug} in {@code /agreements/{slug}}. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no segment {" + name + "}");
        }
        return value;
    }

    /** The signed-in user of a route for the signed-in (the guard has let only them in). */
    public SignedInUser user() {
        return currentUser().orElseThrow(() -> new IllegalStateException("no signed-in user on this route"));
    }

    /** Who is signed in, if anyone (on routes open to anyone). */
    public Optional<SignedInUser> currentUser() {
        return currentUser.of(request);
    }

    /** The app's root path as browsers see it, for links. */
    public String root() {
        return replies.urls().root(request);
    }

    /** A path of this app, as browsers see it. */
    public String path(String appPath) {
        return root() + appPath;
    }

    public AppUrls urls() {
        return replies.urls();
    }

    public void page(int status, Page page) throws IOException {
        replies.page(response, status, page);
    }

    public void json(int status, String json) throws IOException {
        replies.json(response, status, json);
    }

    /** A {@code 302} to another site's URL, exactly as given (GitHub's authorize page). */
    public void redirectOffSite(java.net.URI url) {
        Replies.redirect(response, 302, url.toString());
    }

    /** A redirect to a path of this app. */
    public void redirect(int status, String appPath) {
        Replies.redirect(response, status, path(appPath));
    }

    /** An error page for browsers (with links to paths of this app), JSON for others. */
    public void error(int status, String code, String title, String message, Link... actions) throws IOException {
        replies.error(request, response, status, code, title, message, List.of(actions));
    }
}
