package dev.octogate.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes answers: pages, JSON, redirects, and errors (a page for browsers, JSON for everything
 * else; never a stack trace, token or secret).
 */
public final class Replies {

    private final Views views;
    private final ResponseHeaders headers;
    private final AppUrls urls;

    public Replies(Views views, ResponseHeaders headers, AppUrls urls) {
        this.views = views;
        this.headers = headers;
        this.urls = urls;
    }

    public AppUrls urls() {
        return urls;
    }

    public void page(HttpServletResponse response, int status, Page page) throws IOException {
        headers.page(response);
        views.write(response, status, page);
    }

    /** JSON text, as {@link JsonText} writes it. */
    public void json(HttpServletResponse response, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * A redirect with the {@code Location} exactly as given (path-absolute): containers may turn
     * {@code sendRedirect} targets into absolute URLs built from the {@code Host} header.
     */
    public static void redirect(HttpServletResponse response, int status, String location) {
        response.setStatus(status);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    /**
     * An error: for browsers a page with {@code actions} (paths inside the app), for others
     * {@code {"error": code, "message": message}}.
     */
    public void error(HttpServletRequest request, HttpServletResponse response, int status, String code,
                      String title, String message, List<Link> actions) throws IOException {
        if (Requests.wantsHtml(request)) {
            page(response, status, new ErrorPage(urls.root(request), status, title, message, actions));
        } else {
            json(response, status, JsonText.object().field("error", code).field("message", message).end());
        }
    }
}
