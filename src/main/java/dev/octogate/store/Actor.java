package dev.octogate.store;

/** Who changed something, as the audit log names them: a GitHub user, or GitHub itself (webhook work). */
public record Actor(Long userId, String login) {

    public static final Actor GITHUB = new Actor(null, "github");

    public static Actor user(long userId, String login) {
        return new Actor(userId, login);
    }
}
