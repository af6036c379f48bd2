package dev.octogate.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The path part of a route: exact ({@code /login}, {@code /admin/}), with named segments
 * ({@code /agreements/{slug}/versions/{n}}, a segment may end in a literal such as
 * {@code {id}.txt}), or a prefix ({@code /static/*}, which covers {@code /static} and everything
 * below it). Paths are matched as the container gives them (decoded, normalised, inside the app);
 * {@link StrictPaths} has already refused the ambiguous ones.
 */
public final class PathPattern {

    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*");

    /** One segment: a literal, or a named value with an optional literal after it. */
    private record Segment(String literal, String name, String suffix) {
        boolean isNamed() {
            return name != null;
        }
    }

    private final String text;
    private final List<Segment> segments;
    private final boolean prefix;

    private PathPattern(String text, List<Segment> segments, boolean prefix) {
        this.text = text;
        this.segments = segments;
        this.prefix = prefix;
    }

    public static PathPattern parse(String text) {
        if (!text.startsWith("/") || text.contains("//")) {
            throw new IllegalArgumentException("a route path starts with / and has no empty segment: " + text);
        }
        if (text.length() > 1 && text.endsWith("/") && text.contains("{")) {
            throw new IllegalArgumentException("only an exact path may end in /: " + text);
        }
        boolean prefix = text.endsWith("/*");
        String body = prefix ? text.substring(0, text.length() - 2) : text;
        List<Segment> segments = new ArrayList<>();
        for (String part : body.equals("/") || body.isEmpty() ? new String[0] : body.substring(1).split("/")) {
            if (part.startsWith("{")) {
                int close = part.indexOf('}');
                String name = close < 0 ? "" : part.substring(1, close);
                if (!NAME.matcher(name).matches() || part.indexOf('{', 1) >= 0) {
                    throw new IllegalArgumentException("bad segment '" + part + "' in " + text);
                }
                segments.add(new Segment(null, name, part.substring(close + 1)));
            } else if (part.contains("{") || part.contains("}") || part.contains("*")) {
                throw new IllegalArgumentException("bad segment '" + part + "' in " + text
                        + ": a name is {name}, a prefix ends in /*");
            } else {
                segments.add(new Segment(part, null, null));
            }
        }
        if (prefix && segments.stream().anyMatch(Segment::isNamed)) {
            throw new IllegalArgumentException("a prefix route has no named segments: " + text);
        }
        return new PathPattern(text, List.copyOf(segments), prefix);
    }

    /** Exact: the path is the pattern's text. */
    public boolean isExact() {
        return !prefix && segments.stream().noneMatch(Segment::isNamed);
    }

    public boolean isPrefix() {
        return prefix;
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /**
     * The literal start of the pattern, up to its first named segment (or its {@code /*}): what
     * every path it matches starts with.
     */
    public String literalPrefix() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.isNamed()) {
                break;
            }
            out.append('/').append(segment.literal());
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /**
     * The servlet mapping that sends this pattern's paths to its servlet: the path itself when
     * exact ({@code ""} for the app's root), else the literal start followed by {@code /*}.
     */
    public String servletMapping() {
        if (isExact()) {
            return text.equals("/") ? "" : text;
        }
        String start = literalPrefix();
        return (start.equals("/") ? "" : start) + "/*";
    }

    /** How specific: literal characters count, so {@code /s/{id}.txt} is tried before {@code /s/{id}}. */
    int specificity() {
        int score = 0;
        for (Segment segment : segments) {
            score += 1 + (segment.isNamed() ? segment.suffix().length() : 1000 + segment.literal().length());
        }
        return score;
    }

    /** The values of the named segments when {@code path} matches, else empty. */
    public Optional<Map<String, String>> match(String path) {
        if (prefix) {
            String start = literalPrefix();
            boolean within = start.equals("/") || path.equals(start) || path.startsWith(start)
                    && path.charAt(start.length()) == '/';
            return within ? Optional.of(Map.of()) : Optional.empty();
        }
        if (isExact()) {
            return path.equals(text) ? Optional.of(Map.of()) : Optional.empty();
        }
        String[] parts = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            Segment segment = segments.get(i);
            String part = parts[i];
            if (!segment.isNamed()) {
                if (!segment.literal().equals(part)) {
                    return Optional.empty();
                }
            } else {
                if (part.length() <= segment.suffix().length() || !part.endsWith(segment.suffix())) {
                    return Optional.empty();
                }
                values.put(segment.name(), part.substring(0, part.length() - segment.suffix().length()));
            }
        }
        return Optional.of(Map.copyOf(values));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
