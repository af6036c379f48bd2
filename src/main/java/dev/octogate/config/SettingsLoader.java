package dev.octogate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads every {@link Setting} from system properties, then environment variables, then context
 * parameters, and validates it. The first problem stops the load with a {@link SettingsException}
 * whose one-line message names the setting and how to set it.
 */
public final class SettingsLoader {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38})");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}/[a-z0-9][a-z0-9_.-]*");
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9:_.-]+", Pattern.CASE_INSENSITIVE);

    private final SettingsSource systemProperties;
    private final SettingsSource environment;
    private final SettingsSource contextParameters;

    public SettingsLoader(SettingsSource systemProperties, SettingsSource environment, SettingsSource contextParameters) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.contextParameters = contextParameters;
    }

    /** The process's own system properties and environment, plus the given context parameters. */
    public static SettingsLoader forProcess(SettingsSource contextParameters) {
        return new SettingsLoader(SettingsSource.of(System::getProperty), SettingsSource.of(System::getenv),
                contextParameters);
    }

    /** True when the client id is set anywhere; without it the app cannot talk to GitHub. */
    public boolean isConfigured() {
        return raw(Setting.CLIENT_ID).isPresent();
    }

    public Settings load() {
        String clientId = required(Setting.CLIENT_ID);
        if (clientId.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw invalid(Setting.CLIENT_ID, "must be a GitHub client id, without spaces");
        }
        Secret secret = new Secret(required(Setting.CLIENT_SECRET));

        URI githubUrl = url(Setting.GITHUB_URL, value(Setting.GITHUB_URL));
        URI apiUrl = raw(Setting.API_URL).map(v -> url(Setting.API_URL, v)).orElseGet(() -> defaultApiUrl(githubUrl));
        Optional<URI> baseUrl = raw(Setting.BASE_URL).map(v -> url(Setting.BASE_URL, v));

        PublicPaths publicPaths;
        try {
            publicPaths = PublicPaths.parse(value(Setting.PUBLIC_PATHS));
        } catch (IllegalArgumentException e) {
            throw invalid(Setting.PUBLIC_PATHS, e.getMessage());
        }

        return new Settings(
                clientId,
                secret,
                list(Setting.SCOPE, SCOPE, "scopes like read:org or user:email", false),
                githubUrl,
                apiUrl,
                baseUrl,
                publicPaths,
                Set.copyOf(list(Setting.ALLOWED_USERS, LOGIN, "GitHub logins", true)),
                Set.copyOf(list(Setting.ALLOWED_ORGS, LOGIN, "organisation logins", true)),
                Set.copyOf(list(Setting.ALLOWED_TEAMS, TEAM, "org/team-slug pairs", true)),
                Duration.ofSeconds(number(Setting.TIMEOUT_SECONDS, 1, 600)),
                Duration.ofSeconds(number(Setting.REVALIDATE_SECONDS, 0, 7 * 24 * 3600)),
                bool(Setting.REVOKE_ON_LOGOUT),
                Duration.ofHours(number(Setting.SESSION_MAX_HOURS, 1, 24 * 366)),
                headerValue(Setting.CLEAR_SITE_DATA));
    }

    /** GitHub.com's API lives on its own host; GitHub Enterprise Server's under {@code /api/v3}. */
    static URI defaultApiUrl(URI githubUrl) {
        String host = githubUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("github.com") || host.equals("www.github.com")) {
            return URI.create("https://api.github.com");
        }
        return URI.create(githubUrl + "/api/v3");
    }

    /** The first non-blank value, in order: system property, environment variables, context parameter. */
    private Optional<String> raw(Setting setting) {
        return find(setting, false).map(String::trim);
    }

    private Optional<String> find(Setting setting, boolean emptyCounts) {
        List<Optional<String>> candidates = new java.util.ArrayList<>();
        candidates.add(systemProperties.get(setting.property()));
        for (String name : setting.environment()) {
            candidates.add(environment.get(name));
        }
        candidates.add(contextParameters.get(setting.property()));
        for (Optional<String> candidate : candidates) {
            if (candidate.isPresent() && (emptyCounts || !candidate.get().isBlank())) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /**
     * The configured value, or the default. Configured empty values count as unset, except where
     * the default is not empty and empty is meaningful (Clear-Site-Data: empty sends none).
     */
    private String value(Setting setting) {
        return raw(setting).orElse(setting.defaultValue());
    }

    private String required(Setting setting) {
        return raw(setting).orElseThrow(() -> new SettingsException(
                "Missing required setting " + setting.property() + ": " + setting.howToSet() + "."));
    }

    private static SettingsException invalid(Setting setting, String why) {
        return new SettingsException("Invalid setting " + setting.property() + " (" + setting.environment().get(0)
                + "): " + why + ".");
    }

    private static URI url(Setting setting, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(setting, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw invalid(setting, "must be an absolute http(s) URL without query, fragment or credentials, "
                    + "like https://example.org/path");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path);
    }

    private List<String> list(Setting setting, Pattern valid, String what, boolean lowerCase) {
        Set<String> items = new LinkedHashSet<>();
        for (String item : value(setting).split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            String normalised = lowerCase ? item.toLowerCase(Locale.ROOT) : item;
            if (!valid.matcher(normalised).matches()) {
                throw invalid(setting, "'" + item + "' is not valid; expected comma-separated " + what);
            }
            items.add(normalised);
        }
        return List.copyOf(items);
    }

    private long number(Setting setting, long min, long max) {
        String value = value(setting);
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, "'" + value + "' is not a whole number from " + min + " to " + max);
    }

    private boolean bool(Setting setting) {
        String value = value(setting).toLowerCase(Locale.ROOT);
        switch (value) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw invalid(setting, "'" + value + "' is not true or false");
        }
    }

    private String headerValue(Setting setting) {
        // An explicitly empty value is meaningful here ("send none"), unlike for other settings.
        String value = find(setting, true).orElse(setting.defaultValue()).trim();
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(setting, "contains control characters");
        }
        return value;
    }
}
