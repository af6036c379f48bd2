package dev.octogate.web;

import dev.octogate.auth.QueryString;
import dev.octogate.config.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * This app's own URLs. Redirects are path-absolute (no host), so a forged {@code Host} cannot move
 * them off-site; {@code redirect_uri} comes from {@code APP_BASE_URL} when set. Without it, from
 * the request as the container sees it (its scheme, host and port, not {@code X-Forwarded-*}
 * headers), after checking the host is a plain host name.
 */
final class AppUrls {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]");

    private final Optional<URI> baseUrl;

    AppUrls(Settings settings) {
        this.baseUrl = settings.baseUrl();
    }

    /** The path of this app's root as browsers see it: APP_BASE_URL's path, else the context path. */
    String root(HttpServletRequest request) {
        return baseUrl.map(URI::getRawPath).orElseGet(request::getContextPath);
    }

    /** A path-absolute URL of this app, for a {@code Location} header or a link. */
    String path(HttpServletRequest request, String appPath) {
        return root(request) + appPath;
    }

    /** The sign-in URL that leads back to {@code next}. */
    String login(HttpServletRequest request, String next) {
        return login(request, next, false);
    }

    /** The same, asking GitHub to offer another account when {@code selectAccount}. */
    String login(HttpServletRequest request, String next, boolean selectAccount) {
        Map<String, String> query = new LinkedHashMap<>();
        if (next != null && !next.equals("/")) {
            query.put("next", next);
        }
        if (selectAccount) {
            query.put("prompt", "select_account");
        }
        String login = path(request, "/login");
        return query.isEmpty() ? login : login + "?" + QueryString.of(query);
    }

    /** The {@code redirect_uri}: APP_BASE_URL + /callback, else derived from the request. */
    URI callback(HttpServletRequest request) {
        if (baseUrl.isPresent()) {
            return URI.create(baseUrl.get() + "/callback");
        }
        String host = request.getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            throw new BadRequestException("The Host header is not a valid host name.");
        }
        String scheme = request.isSecure() ? "https" : "http";
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath() + "/callback");
    }

    /** The path of this request inside the app, decoded and normalised by the container. */
    static String pathInApp(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (pathInfo == null) {
            return servletPath.isEmpty() ? "/" : servletPath; // exact mappings: no copy on every request
        }
        return servletPath + pathInfo;
    }

    /** The request's path inside the app as sent (still encoded) with its query, for {@code next}. */
    static String originalTarget(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return (uri.isEmpty() ? "/" : uri) + (query == null ? "" : "?" + query);
    }

    /** Raised where a request cannot be served as sent; answered {@code 400}. */
    static final class BadRequestException extends RuntimeException {
        BadRequestException(String message) {
            super(message, null, false, false);
        }
    }
}
