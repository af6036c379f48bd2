package dev.octogate.github;

import java.util.List;

/**
 * The answer of a (conditional) {@code GET /user}.
 *
 * @param user          null when {@code notModified}
 * @param grantedScopes the token's scopes as GitHub reported them, or null where it did not
 */
public record UserLookup(GitHubUser user, String etag, List<String> grantedScopes, boolean notModified) {

    public static UserLookup changed(GitHubUser user, String etag, List<String> grantedScopes) {
        return new UserLookup(user, etag, grantedScopes, false);
    }

    public static UserLookup unchanged(String etag) {
        return new UserLookup(null, etag, null, true);
    }
}
