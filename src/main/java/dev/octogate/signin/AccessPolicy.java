package dev.octogate.signin;

import dev.octogate.github.GitHubException;
import dev.octogate.github.UserApi;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may sign in, and who is an admin. Everyone may sign in when no allow-list is set, otherwise
 * anyone on at least one of them (users, organisations, teams); admins are those named by
 * {@code APP_ADMINS}, by login or team. Compared case-insensitively, as GitHub does. GitHub is
 * asked only for the memberships a list needs, at most once each, and not at all once a cheaper
 * list has said yes.
 */
public final class AccessPolicy {

    /** The verdict, with the reason for the log. An admin is always also allowed. */
    public record Decision(boolean allowed, String reason, boolean admin) {
    }

    private final AllowLists allowed;
    private final AllowLists admins;
    private final UserApi github;

    public AccessPolicy(SignInSettings settings, UserApi github) {
        this.allowed = settings.allowed();
        this.admins = settings.admins();
        this.github = github;
    }

    public Decision check(String login, String accessToken) throws GitHubException {
        Memberships memberships = new Memberships(accessToken);
        Optional<String> allowedBecause = allowed.isEmpty() ? Optional.of("no allow-list set")
                : on(allowed, login, memberships);
        if (allowedBecause.isEmpty()) {
            return new Decision(false, "not on any allow-list", false);
        }
        boolean admin = !admins.isEmpty() && on(admins, login, memberships).isPresent();
        return new Decision(true, allowedBecause.get(), admin);
    }

    /** Whether the allow-lists let this account in (for revalidation: being an admin is kept from sign-in). */
    public boolean allows(String login, String accessToken) throws GitHubException {
        return allowed.isEmpty() || on(allowed, login, new Memberships(accessToken)).isPresent();
    }

    /** Why the user is on the lists, or empty. */
    private static Optional<String> on(AllowLists lists, String login, Memberships memberships)
            throws GitHubException {
        if (lists.users().contains(login.toLowerCase(Locale.ROOT))) {
            return Optional.of("on the allowed users");
        }
        if (!lists.orgs().isEmpty()) {
            for (String org : memberships.orgs()) {
                if (lists.orgs().contains(org.toLowerCase(Locale.ROOT))) {
                    return Optional.of("member of organisation " + org);
                }
            }
        }
        if (!lists.teams().isEmpty()) {
            for (String team : memberships.teams()) {
                if (lists.teams().contains(team.toLowerCase(Locale.ROOT))) {
                    return Optional.of("member of team " + team);
                }
            }
        }
        return Optional.empty();
    }

    /** The user's organisations and teams, each asked of GitHub on first need only. */
    private final class Memberships {
        private final String accessToken;
        private List<String> orgs;
        private List<String> teams;

        Memberships(String accessToken) {
            this.accessToken = accessToken;
        }

        List<String> orgs() throws GitHubException {
            if (orgs == null) {
                orgs = github.organizations(accessToken);
            }
            return orgs;
        }

        List<String> teams() throws GitHubException {
            if (teams == null) {
                teams = github.teams(accessToken);
            }
            return teams;
        }
    }
}
