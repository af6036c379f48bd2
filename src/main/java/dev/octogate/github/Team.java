package dev.octogate.github;

import jakarta.json.bind.annotation.JsonbProperty;

/** An entry of {@code GET /user/teams}. */
public record Team(@JsonbProperty("slug") String slug, @JsonbProperty("organization") Organization organization) {

    /** {@code org/team-slug}, as the allow-list setting names teams. */
    public String qualifiedName() {
        return (organization == null ? "" : organization.login()) + "/" + slug;
    }
}
