package dev.octogate.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;

/**
 * The headers every response carries, as its route says: {@code nosniff}, a Content-Security-Policy
 * that loads nothing (pages loosen it for their stylesheet and avatars), the referrer rule, and
 * {@code Cache-Control: no-store} on everything but static files.
 */
public final class ResponseHeaders {

    /**
     * The Content-Security-Policy of everything that is not one of Octogate's pages (JSON, static
     * files, the container's own answers): it loads nothing and may not be framed.
     */
    public static final String STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final String pagePolicy;

    /** {@code githubUrl}, {@code apiUrl}: the hosts avatars may come from (GitHub, Enterprise, a stand-in). */
    public ResponseHeaders(URI githubUrl, URI apiUrl) {
        this.pagePolicy = "default-src 'none'; img-src 'self' https: " + origin(githubUrl) + " " + origin(apiUrl)
                + "; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    /** For a request of {@code rules}' route; null: a path that is not the app's (protected, the container's). */
    public void apply(Route rules, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", STRICT_POLICY);
        boolean noReferrer = rules != null && rules.referrer() == Route.Referrer.NONE;
        response.setHeader("Referrer-Policy", noReferrer ? "no-referrer" : "same-origin");
        if (rules == null || rules.caching() == Route.Caching.NO_STORE) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** For one of Octogate's pages: its stylesheet, and avatars from GitHub's hosts. */
    public void page(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", pagePolicy);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
