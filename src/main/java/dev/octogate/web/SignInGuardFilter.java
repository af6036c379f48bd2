package dev.octogate.web;

import dev.octogate.auth.SignedInSessions;
import dev.octogate.auth.SignedInUser;
import dev.octogate.config.PublicPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Guards every path that is not public. A request without a signed-in session gets, as a browser
 * navigation, a {@code 302} to sign-in that leads back here; as anything else, a {@code 401} JSON
 * answer and never a redirect.
 */
final class SignInGuardFilter extends HttpFilter {

    /** The request attribute the servlets find the signed-in user under. */
    static final String USER = "octogate.user";

    private static final PublicPaths BUILT_IN = new PublicPaths(
            List.of("/login", "/callback", "/signed-out", "/health", "/favicon.ico"), List.of("/static"));

    /** Octogate's own pages for the signed-in: never public, whatever APP_PUBLIC_PATHS says. */
    static final List<String> SIGNED_IN_ONLY = List.of("/", "/api/me", "/logout");

    private final Octogate app;

    SignInGuardFilter(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = AppUrls.pathInApp(request);
        if (BUILT_IN.matches(path) || app.settings.publicPaths().matches(path) && !SIGNED_IN_ONLY.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedInUser> user = app.signedInUser(request);
        if (user.isPresent()) {
            request.setAttribute(USER, user.get());
            chain.doFilter(request, response);
            return;
        }
        if (Responses.isBrowserNavigation(request)) {
            Responses.redirect(response, 302, app.urls.login(request, AppUrls.originalTarget(request)));
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "unauthenticated");
        body.put("login_url", app.urls.path(request, "/login"));
        app.responses.json(response, 401, body);
    }

    static SignedInUser user(HttpServletRequest request) {
        return (SignedInUser) request.getAttribute(USER);
    }
}
