package dev.octogate.web.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The names and attributes of the app's cookies. Over HTTPS (the request came over it, or
 * {@code APP_BASE_URL} is an {@code https://} URL) they are {@code __Host-} cookies: {@code Secure},
 * {@code Path=/}, no domain, so that no sibling subdomain can plant one. With {@code Path=/} two
 * apps on one host would share names, so every name carries the app's own (from its context path).
 */
public final class Cookies {

    private final String appName;
    private final boolean httpsBaseUrl;
    private final AppUrls urls;

    /** {@code contextPath}: the app's, as deployed ({@code ""} at the root). */
    public Cookies(String contextPath, boolean httpsBaseUrl, AppUrls urls) {
        this.appName = appName(contextPath);
        this.httpsBaseUrl = httpsBaseUrl;
        this.urls = urls;
    }

    /** {@code octogate} at the root, {@code octogate-cla} at {@code /cla}: a cookie-name token. */
    static String appName(String contextPath) {
        String suffix = contextPath.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return suffix.isEmpty() ? "octogate" : "octogate-" + suffix;
    }

    /** The session cookie's name when the app is served over HTTPS ({@code APP_BASE_URL}). */
    public String sessionCookieName() {
        return "__Host-" + appName + "-session";
    }

    public boolean https(HttpServletRequest request) {
        return httpsBaseUrl || request.isSecure();
    }

    /** How the names of one kind of cookie of this app begin, for this request. */
    public String prefix(HttpServletRequest request, String kind) {
        return (https(request) ? "__Host-" : "") + appName + "-" + kind + "-";
    }

    /** An {@code HttpOnly}, {@code SameSite=Lax} cookie of this app that lives {@code maxAgeSeconds}. */
    public Cookie cookie(HttpServletRequest request, String name, String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(name, value);
        boolean https = https(request);
        String root = urls.root(request);
        cookie.setPath(https || root.isEmpty() ? "/" : root);
        cookie.setSecure(https);
        cookie.setHttpOnly(true);
        // Lax, not Strict: GitHub's redirect back to the callback is a cross-site navigation.
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }

    /** The same cookie, asking the browser to delete it. */
    public Cookie expired(HttpServletRequest request, String name) {
        return cookie(request, name, "", 0);
    }
}
