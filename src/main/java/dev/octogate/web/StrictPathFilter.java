package dev.octogate.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses request paths whose meaning depends on who decodes them ({@code ;params}, encoded
 * slashes and dots, {@code //}, {@code ..}) and session ids offered in a URL. Containers differ on
 * these, so rather than hope the guard sees what the servlet sees, they get a {@code 400}.
 */
final class StrictPathFilter extends HttpFilter {

    private static final String[] AMBIGUOUS = {
        ";", "\\", "%2f", "%5c", "%2e", "%00", "%25", "%3b", "//", "/./", "/../"
    };

    private final Octogate app;

    StrictPathFilter(Octogate app) {
        this.app = app;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String problem = problem(request.getRequestURI());
        if (problem == null && request.isRequestedSessionIdFromURL()) {
            problem = "Session ids are not accepted in URLs.";
        }
        if (problem != null) {
            app.responses.error(request, response, 400, "bad_request", "Bad request", problem, "");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why this raw request path is refused, or null. */
    static String problem(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String ambiguous : AMBIGUOUS) {
            if (lower.contains(ambiguous)) {
                return "This path is not accepted: it contains “" + ambiguous + "”.";
            }
        }
        if (lower.endsWith("/.") || lower.endsWith("/..")) {
            return "This path is not accepted: it ends in a dot segment.";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return "This path is not accepted: it contains a control character.";
            }
        }
        return null;
    }
}
