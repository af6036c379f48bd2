package dev.octogate.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;

/**
 * Appends audit entries, inside the transaction of the change they record. Appends take turns (an
 * advisory lock for the transaction), so that each entry chains to the one before it.
 */
final class Audit {

    /** The lock's key: any constant, the same for every node. */
    private static final long CHAIN_LOCK = 0x6f63746f67617465L; // "octogate"

    private Audit() {
    }

    static void append(Handle handle, Instant at, Actor actor, String action, String subject, String detail) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it, so that the hash holds
        handle.execute("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
        String previous = handle.createQuery("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).findOne().orElse(AuditEntry.GENESIS);
        handle.createUpdate("INSERT INTO audit_log (at, actor_id, actor_login, action, subject, detail, previous_hash, hash) "
                        + "VALUES (:at, :actorId, :actorLogin, :action, :subject, :detail, :previous, :hash)")
                .bind("at", Times.of(when))
                .bind("actorId", actor.userId())
                .bind("actorLogin", actor.login())
                .bind("action", action)
                .bind("subject", subject)
                .bind("detail", detail)
                .bind("previous", previous)
                .bind("hash", AuditEntry.hash(previous, when, actor, action, subject, detail))
                .execute();
    }
}
