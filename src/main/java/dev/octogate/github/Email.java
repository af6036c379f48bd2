package dev.octogate.github;

import jakarta.json.bind.annotation.JsonbProperty;

/** An entry of {@code GET /user/emails}. */
public record Email(@JsonbProperty("email") String email, @JsonbProperty("primary") boolean primary,
                    @JsonbProperty("verified") boolean verified) {
}
