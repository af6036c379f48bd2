package dev.octogate.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@link RepositoryStore} in PostgreSQL. */
public final class PostgresRepositoryStore implements RepositoryStore {

    private final Database database;
    private final Clock clock;

    public PostgresRepositoryStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<RepositoryMapping> mappings() {
        return database.withHandle(h -> h.createQuery("SELECT r.pattern, a.slug, r.created_at FROM repositories r "
                        + "JOIN agreements a ON a.id = r.agreement_id ORDER BY r.pattern")
                .map((rs, ctx) -> new RepositoryMapping(rs.getString(1), rs.getString(2), Times.instant(rs, "created_at")))
                .list());
    }

    @Override
    public void map(String pattern, long agreementId, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        database.useTransaction(h -> {
            String slug = h.createQuery("SELECT slug FROM agreements WHERE id = :id").bind("id", agreementId)
                    .mapTo(String.class).one();
            h.createUpdate("INSERT INTO repositories (pattern, agreement_id, created_at) VALUES (:pattern, :agreement, :at) "
                            + "ON CONFLICT (pattern) DO UPDATE SET agreement_id = excluded.agreement_id, created_at = excluded.created_at")
                    .bind("pattern", pattern).bind("agreement", agreementId).bind("at", Times.of(now)).execute();
            Audit.append(h, now, actor, "repository mapped", pattern, "to " + slug);
        });
    }

    @Override
    public boolean unmap(String pattern, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(h -> {
            int removed = h.createUpdate("DELETE FROM repositories WHERE pattern = :pattern").bind("pattern", pattern)
                    .execute();
            if (removed > 0) {
                Audit.append(h, now, actor, "repository unmapped", pattern, "");
            }
            return removed > 0;
        });
    }
}
