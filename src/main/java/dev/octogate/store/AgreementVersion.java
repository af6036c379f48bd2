package dev.octogate.store;

import java.time.Instant;

/**
 * One published text of an agreement; never changed once published.
 *
 * @param text   the Markdown as published, line endings {@code \n}
 * @param html   the text rendered once, at publication
 * @param sha256 lowercase hex SHA-256 of the text's UTF-8 bytes
 */
public record AgreementVersion(long agreementId, int number, ChangeKind change, String changelog, String text,
                               String html, String sha256, Instant publishedAt) {
}
