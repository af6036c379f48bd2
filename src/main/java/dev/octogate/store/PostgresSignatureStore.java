package dev.octogate.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link SignatureStore} in PostgreSQL. */
public final class PostgresSignatureStore implements SignatureStore {

    private static final String SIGNATURE = "SELECT s.id, s.agreement_id, a.slug, a.title, s.version, s.user_id, s.login, "
            + "s.sha256, s.fields::text AS fields, s.signed_at, s.revoked_at FROM signatures s JOIN agreements a ON a.id = s.agreement_id";
    /**
     * Who of a batch of users is covered: one query, answered from the partial index
     * {@code signatures_standing} whatever the number of signatures (public for the benchmark's
     * {@code EXPLAIN}).
     */
    public static final String COVERED = "SELECT DISTINCT user_id FROM signatures WHERE agreement_id = :agreement "
            + "AND user_id = ANY(:users) AND version >= :from AND revoked_at IS NULL";
    /** Rows read from the database at a time while exporting: memory stays flat however many. */
    private static final int EXPORT_FETCH = 500;

    private final Database database;

    public PostgresSignatureStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Signature> byId(String id) {
        return database.withHandle(h -> h.createQuery(SIGNATURE + " WHERE s.id = :id").bind("id", id)
                .map(PostgresSignatureStore::signature).findOne());
    }

    @Override
    public List<Signature> byUser(long userId) {
        return database.withHandle(h -> h.createQuery(SIGNATURE + " WHERE s.user_id = :user ORDER BY s.signed_at DESC")
                .bind("user", userId).map(PostgresSignatureStore::signature).list());
    }

    @Override
    public Optional<Signature> standing(long agreementId, long userId, int fromVersion) {
        return database.withHandle(h -> h.createQuery(SIGNATURE + " WHERE s.agreement_id = :agreement AND s.user_id = :user "
                        + "AND s.version >= :from AND s.revoked_at IS NULL ORDER BY s.version DESC LIMIT 1")
                .bind("agreement", agreementId).bind("user", userId).bind("from", fromVersion)
                .map(PostgresSignatureStore::signature).findOne());
    }

    @Override
    public Set<Long> covered(long agreementId, int fromVersion, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return database.withHandle(h -> h.createQuery(COVERED)
                .bind("agreement", agreementId).bind("from", fromVersion)
                .bindArray("users", Long.class, userIds)
                .mapTo(Long.class).collect(Collectors.toSet()));
    }

    @Override
    public Signature sign(NewSignature s, Actor actor) {
        Instant at = s.signedAt().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(h -> {
            int inserted = h.createUpdate("INSERT INTO signatures (id, agreement_id, version, user_id, login, sha256, "
                            + "fields, signed_at) VALUES (:id, :agreement, :version, :user, :login, :sha256, "
                            + "CAST(:fields AS jsonb), :at) ON CONFLICT (agreement_id, user_id, version) "
                            + "WHERE revoked_at IS NULL DO NOTHING")
                    .bind("id", s.id()).bind("agreement", s.agreementId()).bind("version", s.version())
                    .bind("user", s.userId()).bind("login", s.login()).bind("sha256", s.sha256())
                    .bind("fields", Json.pairs(s.fields())).bind("at", Times.of(at)).execute();
            if (inserted == 0) { // a second submit: the one already standing
                return h.createQuery(SIGNATURE + " WHERE s.agreement_id = :agreement AND s.user_id = :user "
                                + "AND s.version = :version AND s.revoked_at IS NULL")
                        .bind("agreement", s.agreementId()).bind("user", s.userId()).bind("version", s.version())
                        .map(PostgresSignatureStore::signature).one();
            }
            Signature stored = h.createQuery(SIGNATURE + " WHERE s.id = :id").bind("id", s.id())
                    .map(PostgresSignatureStore::signature).one();
            Audit.append(h, at, actor, "signature stored", stored.agreementSlug() + " v" + s.version(),
                    "signature " + s.id() + " by " + s.login() + " (" + s.userId() + ")");
            return stored;
        });
    }

    @Override
    public boolean revoke(String id, long userId, Instant at, Actor actor) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(h -> {
            Optional<String> agreement = h.createQuery("UPDATE signatures s SET revoked_at = :at FROM agreements a "
                            + "WHERE s.id = :id AND s.user_id = :user AND s.revoked_at IS NULL AND a.id = s.agreement_id "
                            + "RETURNING a.slug || ' v' || s.version")
                    .bind("at", Times.of(when)).bind("id", id).bind("user", userId)
                    .mapTo(String.class).findOne();
            agreement.ifPresent(subject -> Audit.append(h, when, actor, "signature revoked", subject,
                    "signature " + id + " by " + actor.login() + " (" + userId + ")"));
            return agreement.isPresent();
        });
    }

    @Override
    public Page page(long agreementId, String loginPrefix, int offset, int limit) {
        String prefix = loginPrefix == null ? "" : loginPrefix.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return database.withHandle(h -> {
            String where = " WHERE s.agreement_id = :agreement AND lower(s.login) LIKE :prefix";
            List<Signature> rows = h.createQuery(SIGNATURE + where + " ORDER BY s.signed_at DESC, s.id LIMIT :limit OFFSET :offset")
                    .bind("agreement", agreementId).bind("prefix", prefix).bind("limit", limit).bind("offset", offset)
                    .map(PostgresSignatureStore::signature).list();
            long total = h.createQuery("SELECT count(*) FROM signatures s" + where)
                    .bind("agreement", agreementId).bind("prefix", prefix).mapTo(Long.class).one();
            return new Page(rows, total);
        });
    }

    @Override
    public Map<Long, Long> standingCounts() {
        return database.withHandle(h -> {
            Map<Long, Long> counts = new HashMap<>();
            h.createQuery("SELECT agreement_id, count(*) AS n FROM signatures WHERE revoked_at IS NULL GROUP BY agreement_id")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    @Override
    public void export(long agreementId, Consumer<Signature> each) {
        // In a transaction, with a fetch size: PostgreSQL then streams the rows through a cursor.
        database.useTransaction(h -> h.createQuery(SIGNATURE + " WHERE s.agreement_id = :agreement ORDER BY s.signed_at, s.id")
                .bind("agreement", agreementId).setFetchSize(EXPORT_FETCH)
                .map(PostgresSignatureStore::signature).forEach(each));
    }

    static Signature signature(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Signature(rs.getString("id"), rs.getLong("agreement_id"), rs.getString("slug"), rs.getString("title"),
                rs.getInt("version"), rs.getLong("user_id"), rs.getString("login"), rs.getString("sha256"),
                Json.pairs(rs.getString("fields")), Times.instant(rs, "signed_at"), Times.instant(rs, "revoked_at"));
    }
}
