package dev.octogate.web.http;

import jakarta.servlet.http.HttpServletRequest;

/** Reading a request: its path inside the app, what it wants back, its parameters. */
public final class Requests {

    private Requests() {
    }

    /** The path of this request inside the app, decoded and normalised by the container. */
    public static String pathInApp(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            return servletPath.isEmpty() ? "/" : servletPath; // exact mappings: no copy on every request
        }
        return servletPath + pathInfo;
    }

    /** The request's path inside the app as sent (still encoded) with its query, for {@code next}. */
    public static String originalTarget(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return (uri.isEmpty() ? "/" : uri) + (query == null ? "" : "?" + query);
    }

    /**
     * A browser navigation: a {@code GET} or {@code HEAD} whose {@code Accept} includes
     * {@code text/html}. Everything else (API calls, XHR, form posts) gets JSON and never a redirect.
     */
    public static boolean isBrowserNavigation(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && wantsHtml(request);
    }

    /** Whether the caller reads HTML: a navigation, or any request that accepts text/html (a form post). */
    public static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * A query or form parameter. The container parses them on first use, and may fail on input it
     * cannot read (a malformed %-escape, a bad encoding): that is the sender's mistake, a {@code 400}.
     */
    public static String parameter(HttpServletRequest request, String name) {
        try {
            return request.getParameter(name);
        } catch (RuntimeException e) {
            throw new BadRequest("The request could not be read.");
        }
    }
}
