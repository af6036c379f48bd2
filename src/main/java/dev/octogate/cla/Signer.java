package dev.octogate.cla;

/** Who signs: the GitHub account the session is signed in with. */
public record Signer(long userId, String login) {
}
