package dev.octogate.signin;

import java.util.HashSet;
import java.util.Set;

/**
 * Lists of GitHub accounts, all lower case: logins, organisation logins and {@code org/team-slug}
 * pairs. A user is on them when on any one of them.
 */
public record AllowLists(Set<String> users, Set<String> orgs, Set<String> teams) {

    public AllowLists {
        users = Set.copyOf(users);
        orgs = Set.copyOf(orgs);
        teams = Set.copyOf(teams);
    }

    /** Logins and {@code org/team-slug} entries mixed, as {@code APP_ADMINS} has them. */
    public static AllowLists of(Set<String> loginsAndTeams) {
        Set<String> users = new HashSet<>();
        Set<String> teams = new HashSet<>();
        for (String entry : loginsAndTeams) {
            (entry.contains("/") ? teams : users).add(entry);
        }
        return new AllowLists(users, Set.of(), teams);
    }

    public static AllowLists none() {
        return new AllowLists(Set.of(), Set.of(), Set.of());
    }

    public boolean isEmpty() {
        return users.isEmpty() && orgs.isEmpty() && teams.isEmpty();
    }
}
