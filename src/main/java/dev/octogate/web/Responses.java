package dev.octogate.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes pages and JSON. Errors go to browsers as HTML pages and to everything else as JSON:
 * never a stack trace, token or secret.
 */
final class Responses {

    /**
     * The Content-Security-Policy of everything that is not one of Octogate's pages (JSON, static
     * files, the container's own answers): it loads nothing and may not be framed. The filter sets
     * it on every response; {@link #html} loosens it for pages.
     */
    static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final AppUrls urls;
    private final String pagePolicy;

    /** {@code pagePolicy}: the Content-Security-Policy of Octogate's HTML pages. */
    Responses(AppUrls urls, String pagePolicy) {
        this.urls = urls;
        this.pagePolicy = pagePolicy;
    }

    /**
     * The Content-Security-Policy of Octogate's pages: their stylesheet, and avatars from GitHub's
     * hosts (or a GitHub Enterprise or stand-in host, perhaps over http).
     */
    static String pagePolicy(URI githubUrl, URI apiUrl) {
        return "default-src 'none'; img-src 'self' https: " + origin(githubUrl) + " " + origin(apiUrl)
                + "; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * A browser navigation: a {@code GET} or {@code HEAD} whose {@code Accept} includes
     * {@code text/html}. Everything else (API calls, XHR, form posts) gets JSON and never a redirect.
     */
    static boolean isBrowserNavigation(HttpServletRequest request) {
        String method = request.getMethod();
        String accept = request.getHeader("Accept");
        return ("GET".equals(method) || "HEAD".equals(method)) && accept != null && accept.contains("text/html");
    }

    /** Whether the caller reads HTML: a navigation, or any request that accepts text/html (a form post). */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /**
     * A redirect with the {@code Location} exactly as given (path-absolute): containers may turn
     * {@code sendRedirect} targets into absolute URLs built from the {@code Host} header.
     */
    static void redirect(HttpServletResponse response, int status, String location) {
        response.setStatus(status);
        response.setHeader("Location", location);
        response.setContentLength(0);
    }

    void html(HttpServletResponse response, int status, String page) throws IOException {
        response.setHeader("Content-Security-Policy", pagePolicy);
        write(response, status, "text/html;charset=utf-8", page);
    }

    /** A flat JSON object; values are strings, numbers or null, written in the map's order. */
    void json(HttpServletResponse response, int status, Map<String, ?> fields) throws IOException {
        json(response, status, JsonText.object(fields));
    }

    /** JSON text, as {@link JsonText} writes it. */
    void json(HttpServletResponse response, int status, String json) throws IOException {
        write(response, status, "application/json", json);
    }

    /** An error, as a page for browsers or JSON for others, with links for browsers. */
    void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String title,
               String message, String actions) throws IOException {
        if (wantsHtml(request)) {
            html(response, status, Pages.error(urls.root(request), status, title, message, actions));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", code);
            body.put("message", message);
            json(response, status, body);
        }
    }

    private static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        write(response, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] bytes)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
