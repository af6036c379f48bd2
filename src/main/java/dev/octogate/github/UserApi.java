package dev.octogate.github;

import java.util.List;

/**
 * GitHub's REST API as the signed-in user, with the user's token: who they are and what they
 * belong to. The sign-in core receives this seam; tests give it an in-memory fake.
 */
public interface UserApi {

    /**
     * {@code GET /user}, conditional when an ETag from an earlier answer is given (a {@code 304}
     * does not count against the rate limit).
     */
    UserLookup user(String accessToken, String etag) throws GitHubException;

    /** Logins of the organisations the user belongs to ({@code GET /user/orgs}, every page). */
    List<String> organizations(String accessToken) throws GitHubException;

    /** {@code org/team-slug} of the teams the user belongs to ({@code GET /user/teams}, every page). */
    List<String> teams(String accessToken) throws GitHubException;

    /** The user's verified email addresses, the primary first ({@code GET /user/emails}; needs {@code user:email}). */
    List<String> verifiedEmails(String accessToken) throws GitHubException;
}
