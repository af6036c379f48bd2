package dev.octogate.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps {@code next} to paths of this app. Anything that could lead a browser off-site or out of
 * the app's context path becomes {@code /}.
 */
public final class SafeRedirects {

    public static final String HOME = "/";
    private static final int MAX_LENGTH = 2048;

    private SafeRedirects() {
    }

    /** {@code next} if it is a safe path of this app (with an optional query), else {@code /}. */
    public static String sanitize(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return HOME;
        }
        // A space is harmless but not valid in a Location header: send it encoded.
        next = next.replace(" ", "%20");
        // Look at every decoding of it, since browsers and proxies may decode again.
        String candidate = next;
        for (int round = 0; round < 4; round++) {
            if (!looksSafe(candidate)) {
                return HOME;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(candidate.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return HOME;
            }
            if (decoded.equals(candidate)) {
                return next;
            }
            candidate = decoded;
        }
        return HOME;
    }

    private static boolean looksSafe(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isISOControl(c)
                    || c == '\u2028' || c == '\u2029' || c == '#') {
                return false;
            }
        }
        int query = path.indexOf('?');
        String pathPart = (query < 0 ? path : path.substring(0, query)).toLowerCase(Locale.ROOT);
        // Dot segments would climb out of the context path to another app on the same host.
        for (String segment : pathPart.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.contains(";")) {
                return false;
            }
        }
        return !pathPart.contains(":");
    }
}
