package dev.octogate.signin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Keeps {@code next} to paths of this app. Anything that could lead a browser off-site or out of
 * the app's context path becomes {@code /}.
 */
public final class SafeRedirects {

    public static final String HOME = "/";
    /** Longest {@code next} kept: it travels in a cookie. */
    static final int MAX_LENGTH = 1024;

    private SafeRedirects() {
    }

    /**
     * {@code next} if it is a safe path of this app (with an optional query), else {@code /}.
     * Spaces and non-ASCII characters come back percent-encoded, as a {@code Location} needs them.
     */
    public static String sanitize(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return HOME;
        }
        String encoded = encodeUnsafeCharacters(next);
        int query = encoded.indexOf('?');
        String path = query < 0 ? encoded : encoded.substring(0, query);
        if (!pathIsSafe(path) || query >= 0 && !queryIsSafe(encoded.substring(query + 1))) {
            return HOME;
        }
        return encoded;
    }

    /**
     * The path must stay a path of this app under every decoding of it, since browsers and
     * proxies may decode again: no {@code //host}, {@code /\host}, scheme, dot segment or control
     * character, however encoded.
     */
    private static boolean pathIsSafe(String path) {
        String candidate = path;
        for (int round = 0; round < 4; round++) {
            if (!looksSafe(candidate)) {
                return false;
            }
            String decoded;
            try {
                decoded = URLDecoder.decode(candidate.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (decoded.equals(candidate)) {
                return true;
            }
            candidate = decoded;
        }
        return false;
    }

    /** A query cannot lead off-site; it only must not break the header or start a fragment. */
    private static boolean queryIsSafe(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '#') {
                return false;
            }
        }
        return true;
    }

    /** Spaces and non-ASCII characters as UTF-8 percent-escapes; everything else as it was. */
    private static String encodeUnsafeCharacters(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c > 0x7e) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16).append(value, 0, i);
                }
                int codePoint = value.codePointAt(i);
                if (Character.isSupplementaryCodePoint(codePoint)) {
                    i++;
                }
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
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
        String lower = path.toLowerCase(Locale.ROOT);
        // Dot segments would climb out of the context path to another app on the same host.
        for (String segment : lower.split("[/?]", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.contains(";")) {
                return false;
            }
        }
        return !lower.contains(":");
    }
}
