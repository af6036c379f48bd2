package dev.octogate.web.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths anyone may reach without signing in: exact ({@code /about}) or prefix ({@code /docs/*},
 * which covers {@code /docs} and everything below it, not {@code /docsx}).
 */
public record PublicPaths(List<String> exact, List<String> prefixes) {

    public PublicPaths {
        exact = List.copyOf(exact);
        prefixes = List.copyOf(prefixes);
    }

    public static PublicPaths parse(String commaSeparated) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String path = raw.trim();
            if (path.isEmpty()) {
                continue;
            }
            if (!path.startsWith("/") || path.startsWith("//") || path.contains("..")
                    || path.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\' || c == ';' || c == '%')) {
                throw new IllegalArgumentException("'" + path + "' is not a path starting with /");
            }
            if (path.endsWith("/*")) {
                prefixes.add(path.substring(0, path.length() - 2));
            } else if (path.contains("*")) {
                throw new IllegalArgumentException("'" + path + "': only a trailing /* is allowed");
            } else {
                exact.add(path);
            }
        }
        return new PublicPaths(exact, prefixes);
    }

    public boolean matches(String path) {
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            // The prefix itself, or the prefix then "/": without building prefix + "/" per request.
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
