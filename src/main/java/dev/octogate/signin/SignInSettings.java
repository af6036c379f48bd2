package dev.octogate.signin;

import dev.octogate.config.Parsers;
import dev.octogate.config.Setting;
import dev.octogate.config.SettingsReader;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How signing in behaves: what is asked of GitHub, who may sign in, who is an admin, and how long
 * and how closely a sign-in is trusted.
 *
 * @param scopes             requested at authorize, in order
 * @param revalidateInterval how often a signed-in session re-checks its token with GitHub
 * @param sessionMaxAge      absolute lifetime of a signed-in session, however active
 */
public record SignInSettings(List<String> scopes, AllowLists allowed, AllowLists admins,
                             Duration revalidateInterval, Duration sessionMaxAge, boolean revokeOnLogout) {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}/[a-z0-9][a-z0-9_.-]*");
    private static final Pattern LOGIN_OR_TEAM = Pattern.compile(LOGIN.pattern() + "|" + TEAM.pattern());
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9:_.-]+", Pattern.CASE_INSENSITIVE);

    public static final Setting<List<String>> SCOPE_SETTING = Setting.withDefault("github.scope", "",
            Parsers.list(SCOPE, "scopes like read:org or user:email", s -> s), "GITHUB_SCOPE");
    public static final Setting<Set<String>> ALLOWED_USERS = Setting.withDefault("github.allowed-users", "",
            Parsers.set(LOGIN, "GitHub logins", Parsers::lowerCase), "GITHUB_ALLOWED_USERS");
    public static final Setting<Set<String>> ALLOWED_ORGS = Setting.withDefault("github.allowed-orgs", "",
            Parsers.set(LOGIN, "organisation logins", Parsers::lowerCase), "GITHUB_ALLOWED_ORGS");
    public static final Setting<Set<String>> ALLOWED_TEAMS = Setting.withDefault("github.allowed-teams", "",
            Parsers.set(TEAM, "org/team-slug pairs", Parsers::lowerCase), "GITHUB_ALLOWED_TEAMS");
    public static final Setting<Set<String>> ADMINS = Setting.withDefault("app.admins", "",
            Parsers.set(LOGIN_OR_TEAM, "GitHub logins and org/team-slug pairs", Parsers::lowerCase), "APP_ADMINS");
    public static final Setting<Duration> REVALIDATE = Setting.withDefault("app.revalidate-seconds", "300",
            Parsers.seconds(0, 7 * 24 * 3600), "APP_REVALIDATE_SECONDS");
    public static final Setting<Duration> SESSION_MAX = Setting.withDefault("app.session-max-hours", "24",
            Parsers.hours(1, 24 * 366), "APP_SESSION_MAX_HOURS");
    public static final Setting<Boolean> REVOKE_ON_LOGOUT = Setting.withDefault("github.revoke-on-logout", "false",
            Parsers.bool(), "GITHUB_REVOKE_ON_LOGOUT");

    /** Every setting of this record, for the settings table. */
    public static final List<Setting<?>> SETTINGS = List.of(SCOPE_SETTING, ALLOWED_USERS, ALLOWED_ORGS,
            ALLOWED_TEAMS, ADMINS, REVALIDATE, SESSION_MAX, REVOKE_ON_LOGOUT);

    public SignInSettings {
        scopes = List.copyOf(scopes);
    }

    public static SignInSettings read(SettingsReader settings) {
        return new SignInSettings(settings.get(SCOPE_SETTING),
                new AllowLists(settings.get(ALLOWED_USERS), settings.get(ALLOWED_ORGS), settings.get(ALLOWED_TEAMS)),
                AllowLists.of(settings.get(ADMINS)),
                settings.get(REVALIDATE), settings.get(SESSION_MAX), settings.get(REVOKE_ON_LOGOUT));
    }

    /** The scopes as GitHub's {@code scope} parameter wants them: space separated. */
    public String scopeParameter() {
        return String.join(" ", scopes);
    }

    /**
     * Scopes an allow-list or the admin list needs that are not requested, for a warning at start:
     * without {@code read:org}, GitHub does not show private memberships.
     */
    public List<String> missingScopes() {
        boolean needsOrgScope = !allowed.orgs().isEmpty() || !allowed.teams().isEmpty() || !admins.teams().isEmpty();
        boolean hasOrgScope = scopes.stream()
                .anyMatch(s -> s.equals("read:org") || s.equals("write:org") || s.equals("admin:org"));
        return needsOrgScope && !hasOrgScope ? List.of("read:org") : List.of();
    }
}
