package dev.octogate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The ways a setting's text becomes a value. Messages say what is wrong and what is expected. */
public final class Parsers {

    private Parsers() {
    }

    /** Text without spaces or control characters, such as a client id. */
    public static Setting.Parser<String> token(String what) {
        return text -> {
            if (text.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw new IllegalArgumentException("must be " + what + ", without spaces");
            }
            return text;
        };
    }

    /** Any text, kept hidden. */
    public static Setting.Parser<Secret> secret() {
        return Secret::new;
    }

    /** Text that goes into an HTTP header: no control characters. */
    public static Setting.Parser<String> headerValue() {
        return text -> {
            if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("contains control characters");
            }
            return text;
        };
    }

    /**
     * An absolute http(s) URL without query, fragment or credentials, normalised: lower-case
     * scheme and host, no trailing slash.
     */
    public static Setting.Parser<URI> httpUrl() {
        return text -> {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("must be an absolute http(s) URL without query, fragment or "
                        + "credentials, like https://example.org/path");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
        };
    }

    /** A whole number of seconds from {@code min} to {@code max}. */
    public static Setting.Parser<Duration> seconds(long min, long max) {
        return text -> Duration.ofSeconds(number(text, min, max));
    }

    /** A whole number of hours from {@code min} to {@code max}. */
    public static Setting.Parser<Duration> hours(long min, long max) {
        return text -> Duration.ofHours(number(text, min, max));
    }

    public static Setting.Parser<Boolean> bool() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /**
     * Items separated by commas or white space, each matching {@code valid} after {@code normalise},
     * in their order, without repeats.
     */
    public static Setting.Parser<List<String>> list(Pattern valid, String what, UnaryOperator<String> normalise) {
        return text -> {
            Set<String> items = new LinkedHashSet<>();
            for (String item : text.split("[,\\s]+")) {
                if (item.isEmpty()) {
                    continue;
                }
                String normalised = normalise.apply(item);
                if (!valid.matcher(normalised).matches()) {
                    throw new IllegalArgumentException("'" + item + "' is not valid; expected comma-separated " + what);
                }
                items.add(normalised);
            }
            return List.copyOf(items);
        };
    }

    /** The same as {@link #list}, as a set. */
    public static Setting.Parser<Set<String>> set(Pattern valid, String what, UnaryOperator<String> normalise) {
        Setting.Parser<List<String>> list = list(valid, what, normalise);
        return text -> Set.copyOf(list.parse(text));
    }

    /** Lower case, as GitHub compares logins, organisations and teams. */
    public static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static long number(String text, long min, long max) {
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a whole number from " + min + " to " + max);
    }
}
