package dev.octogate.config;

import java.util.List;

/**
 * Every setting of PRODUCT.md: its system property (also the context init-parameter name),
 * its environment variables, and its default. Looked up in that order by {@link SettingsLoader}.
 */
public enum Setting {
    CLIENT_ID("github.client-id", null, "GITHUB_CLIENT_ID", "CLIENT_ID"),
    CLIENT_SECRET("github.client-secret", null, "GITHUB_CLIENT_SECRET", "CLIENT_SECRET"),
    SCOPE("github.scope", "", "GITHUB_SCOPE"),
    GITHUB_URL("github.url", "https://github.com", "GITHUB_URL"),
    API_URL("github.api-url", null, "GITHUB_API_URL"),
    BASE_URL("app.base-url", null, "APP_BASE_URL"),
    PUBLIC_PATHS("app.public-paths", "", "APP_PUBLIC_PATHS"),
    ALLOWED_USERS("github.allowed-users", "", "GITHUB_ALLOWED_USERS"),
    ALLOWED_ORGS("github.allowed-orgs", "", "GITHUB_ALLOWED_ORGS"),
    ALLOWED_TEAMS("github.allowed-teams", "", "GITHUB_ALLOWED_TEAMS"),
    TIMEOUT_SECONDS("github.timeout-seconds", "10", "GITHUB_TIMEOUT_SECONDS"),
    REVALIDATE_SECONDS("app.revalidate-seconds", "300", "APP_REVALIDATE_SECONDS"),
    REVOKE_ON_LOGOUT("github.revoke-on-logout", "false", "GITHUB_REVOKE_ON_LOGOUT"),
    SESSION_MAX_HOURS("app.session-max-hours", "24", "APP_SESSION_MAX_HOURS"),
    CLEAR_SITE_DATA("app.clear-site-data", "\"cache\", \"storage\"", "APP_CLEAR_SITE_DATA");

    private final String property;
    private final String defaultValue;
    private final List<String> environment;

    Setting(String property, String defaultValue, String... environment) {
        this.property = property;
        this.defaultValue = defaultValue;
        this.environment = List.of(environment);
    }

    /** The JVM system property, which is also the servlet context init-parameter name. */
    public String property() {
        return property;
    }

    /** Environment variables, first match wins. */
    public List<String> environment() {
        return environment;
    }

    /** The default, or null where the setting has none (required, or derived from another). */
    public String defaultValue() {
        return defaultValue;
    }

    /** How an operator sets it, for error messages. */
    String howToSet() {
        return "set the environment variable " + environment.get(0)
                + " (or the system property -D" + property + "=…, or the context parameter " + property + ")";
    }
}
