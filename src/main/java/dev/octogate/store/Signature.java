package dev.octogate.store;

import java.time.Instant;
import java.util.Map;

/**
 * One contributor's agreement to one version.
 *
 * @param id         opaque, unguessable (128 random bits, URL-safe)
 * @param userId     the GitHub user id: the key, since logins can be renamed
 * @param login      the login at signing time
 * @param fields     what the form asked, in order: {@code name}, {@code email}, then extra fields
 * @param revokedAt  null while it stands
 */
public record Signature(String id, long agreementId, String agreementSlug, String agreementTitle, int version,
                        long userId, String login, String sha256, Map<String, String> fields, Instant signedAt,
                        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
