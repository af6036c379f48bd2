package dev.octogate.store;

import dev.octogate.crypto.Sha256;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One change of state, as the audit log keeps it. Its hash is SHA-256 over the previous entry's
 * hash and this entry's canonical content, so that changing or removing an entry breaks the chain
 * from there on.
 */
public record AuditEntry(long id, Instant at, Actor actor, String action, String subject, String detail,
                         String previousHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The hash an entry must have: over the previous hash and every field but the id (which the
     * database assigns), each written with its length so that no two contents read the same.
     */
    public static String hash(String previousHash, Instant at, Actor actor, String action, String subject,
                              String detail) {
        StringBuilder canonical = new StringBuilder(previousHash).append('\n');
        for (String field : new String[] {at.toString(), actor.userId() == null ? "" : actor.userId().toString(),
                actor.login(), action, subject, detail}) {
            canonical.append(field.length()).append(':').append(field).append('\n');
        }
        return HexFormat.of().formatHex(Sha256.of(canonical.toString()));
    }

    /** Whether this entry's hash is what its content and previous hash give. */
    public boolean intact() {
        return hash.equals(hash(previousHash, at, actor, action, subject, detail));
    }
}
