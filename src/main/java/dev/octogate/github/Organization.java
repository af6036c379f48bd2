package dev.octogate.github;

import jakarta.json.bind.annotation.JsonbProperty;

/** An entry of {@code GET /user/orgs}, and the organisation of a team. */
public record Organization(@JsonbProperty("login") String login) {
}
