package dev.octogate.web.http;

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
public final class AppUrls {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]+\\]");

    private final Optional<URI> baseUrl;

    public AppUrls(Optional<URI> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The path of this app's root as browsers see it: APP_BASE_URL's path, else the context path. */
    public String root(HttpServletRequest request) {
        return baseUrl.map(URI::getRawPath).orElseGet(request::getContextPath);
    }

    /** A path-absolute URL of this app, for a {@code Location} header or a link. */
    public String path(HttpServletRequest request, String appPath) {
        return root(request) + appPath;
    }

    /**
     * The sign-in path inside the app that leads back to {@code next}, asking GitHub to offer
     * another account when {@code selectAccount}.
     */
    public static String login(String next, boolean selectAccount) {
        Map<String, String> query = new LinkedHashMap<>();
        if (next != null && !next.equals(Paths.HOME)) {
            query.put("next", next);
        }
        if (selectAccount) {
            query.put("prompt", "select_account");
        }
        return query.isEmpty() ? Paths.LOGIN : Paths.LOGIN + "?" + QueryString.of(query);
    }

    /** The {@code redirect_uri}: APP_BASE_URL + the callback path, else derived from the request. */
    public URI callback(HttpServletRequest request) {
        if (baseUrl.isPresent()) {
            return URI.create(baseUrl.get() + Paths.CALLBACK);
        }
        String host = request.getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            throw new BadRequest("The Host header is not a valid host name.");
        }
        String scheme = request.isSecure() ? "https" : "http";
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath()
                + Paths.CALLBACK);
    }
}
