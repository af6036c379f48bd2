package dev.octogate.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Refuses request paths whose meaning depends on who decodes them ({@code ;params}, encoded
 * slashes and dots, {@code //}, {@code ..}), malformed escapes in the query, and session ids
 * offered in a URL. Containers differ on these, so rather than hope the guard sees what the
 * servlet sees, they get a {@code 400}.
 */
public final class StrictPaths {

    private static final String[] AMBIGUOUS = {
        ";", "\\", "%2f", "%5c", "%2e", "%00", "%25", "%3b", "//", "/./", "/../"
    };

    private StrictPaths() {
    }

    /** Why this request is refused, or null. */
    public static String problem(HttpServletRequest request) {
        String problem = problem(request.getRequestURI());
        if (problem == null && !validEscapes(request.getQueryString())) {
            problem = "The query string has a malformed %-escape.";
        }
        if (problem == null && request.isRequestedSessionIdFromURL()) {
            problem = "Session ids are not accepted in URLs.";
        }
        return problem;
    }

    /** No character that could start any of the refused forms. */
    private static boolean plain(String rawPath) {
        char previous = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ';' || c == '%' || c == '\\' || c == '.' && previous == '/'
                    || c == '/' && previous == '/') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Whether every {@code %} is followed by two hex digits (containers differ on the rest). */
    static boolean validEscapes(String raw) {
        if (raw == null) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Why this raw request path is refused, or null. */
    static String problem(String rawPath) {
        if (plain(rawPath)) {
            return null; // the common case, decided in one pass
        }
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
