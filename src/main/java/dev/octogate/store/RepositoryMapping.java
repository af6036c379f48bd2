package dev.octogate.store;

import java.time.Instant;

/**
 * Which agreement a repository's pull requests need.
 *
 * @param pattern {@code owner/name}, or {@code owner/*} for every repository of an owner; lower case
 */
public record RepositoryMapping(String pattern, String agreementSlug, Instant createdAt) {
}
