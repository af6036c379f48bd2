package dev.octogate.auth;

import dev.octogate.config.Settings;
import dev.octogate.github.GitHubClient;
import dev.octogate.github.GitHubException;
import java.util.List;
import java.util.Locale;

/**
 * Who may sign in: everyone when no allow-list is set, otherwise anyone on at least one of them
 * (users, organisations, teams), compared case-insensitively as GitHub does. Asks GitHub only for
 * the lists that are set, and not at all once a cheaper list has said yes.
 */
public final class AccessPolicy {

    /** The verdict, with the reason for the log. */
    public record Decision(boolean allowed, String reason) {
    }

    private final Settings settings;
    private final GitHubClient github;

    public AccessPolicy(Settings settings, GitHubClient github) {
        this.settings = settings;
        this.github = github;
    }

    public Decision check(String login, String accessToken) throws GitHubException {
        if (settings.anyoneMaySignIn()) {
            return new Decision(true, "no allow-list set");
        }
        if (settings.allowedUsers().contains(login.toLowerCase(Locale.ROOT))) {
            return new Decision(true, "on the allowed users");
        }
        if (!settings.allowedOrgs().isEmpty()) {
            List<String> orgs = github.organizations(accessToken);
            for (String org : orgs) {
                if (settings.allowedOrgs().contains(org.toLowerCase(Locale.ROOT))) {
                    return new Decision(true, "member of organisation " + org);
                }
            }
        }
        if (!settings.allowedTeams().isEmpty()) {
            for (String team : github.teams(accessToken)) {
                if (settings.allowedTeams().contains(team.toLowerCase(Locale.ROOT))) {
                    return new Decision(true, "member of team " + team);
                }
            }
        }
        return new Decision(false, "not on any allow-list");
    }

    /** Scopes an allow-list needs that are not requested, for a warning at start. */
    public static List<String> missingScopes(Settings settings) {
        boolean needsOrgScope = !settings.allowedOrgs().isEmpty() || !settings.allowedTeams().isEmpty();
        boolean hasOrgScope = settings.scopes().stream()
                .anyMatch(s -> s.equals("read:org") || s.equals("write:org") || s.equals("admin:org"));
        return needsOrgScope && !hasOrgScope ? List.of("read:org") : List.of();
    }
}
