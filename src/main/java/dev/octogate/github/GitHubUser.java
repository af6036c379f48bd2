package dev.octogate.github;

import jakarta.json.bind.annotation.JsonbProperty;

/** The fields of GitHub's {@code GET /user} that Octogate keeps and shows. */
public record GitHubUser(
        @JsonbProperty("login") String login,
        @JsonbProperty("id") long id,
        @JsonbProperty("name") String name,
        @JsonbProperty("avatar_url") String avatarUrl,
        @JsonbProperty("html_url") String htmlUrl) {

    /** The name to greet with: the display name, or the login where there is none. */
    public String displayName() {
        return name == null || name.isBlank() ? login : name;
    }
}
