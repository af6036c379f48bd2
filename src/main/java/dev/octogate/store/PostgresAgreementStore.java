package dev.octogate.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link AgreementStore} in PostgreSQL. */
public final class PostgresAgreementStore implements AgreementStore {

    private static final String AGREEMENT = "SELECT id, slug, title, fields::text AS fields, sample, created_at FROM agreements";
    private static final String VERSION = "SELECT agreement_id, number, change_kind, changelog, text, html, sha256, "
            + "published_at FROM agreement_versions";

    private final Database database;
    private final Clock clock;

    public PostgresAgreementStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Agreement> all() {
        return database.withHandle(h -> h.createQuery(AGREEMENT + " ORDER BY slug").map(PostgresAgreementStore::agreement).list());
    }

    @Override
    public Optional<Agreement> bySlug(String slug) {
        return database.withHandle(h -> h.createQuery(AGREEMENT + " WHERE slug = :slug").bind("slug", slug)
                .map(PostgresAgreementStore::agreement).findOne());
    }

    @Override
    public Optional<Agreement> create(String slug, String title, List<Agreement.ExtraField> fields, boolean sample,
                                      Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(h -> {
            Optional<Long> id = h.createQuery("INSERT INTO agreements (slug, title, fields, sample, created_at) "
                            + "VALUES (:slug, :title, CAST(:fields AS jsonb), :sample, :at) ON CONFLICT (slug) DO NOTHING RETURNING id")
                    .bind("slug", slug).bind("title", title).bind("fields", Json.fields(fields))
                    .bind("sample", sample).bind("at", Times.of(now))
                    .mapTo(Long.class).findOne();
            if (id.isEmpty()) {
                return Optional.<Agreement>empty();
            }
            Audit.append(h, now, actor, "agreement created", slug, title);
            return Optional.of(new Agreement(id.get(), slug, title, fields, sample, now));
        });
    }

    @Override
    public List<AgreementVersion> versions(long agreementId) {
        return database.withHandle(h -> h.createQuery(VERSION + " WHERE agreement_id = :id ORDER BY number")
                .bind("id", agreementId).map(PostgresAgreementStore::version).list());
    }

    @Override
    public List<AgreementVersion> allVersions() {
        return database.withHandle(h -> h.createQuery(VERSION + " ORDER BY agreement_id, number")
                .map(PostgresAgreementStore::version).list());
    }

    @Override
    public Map<Long, AgreementVersion> currentVersions() {
        return database.withHandle(h -> {
            Map<Long, AgreementVersion> current = new HashMap<>();
            h.createQuery("SELECT DISTINCT ON (agreement_id) agreement_id, number, change_kind, changelog, text, html, "
                            + "sha256, published_at FROM agreement_versions ORDER BY agreement_id, number DESC")
                    .map(PostgresAgreementStore::version).forEach(v -> current.put(v.agreementId(), v));
            return current;
        });
    }

    @Override
    public Optional<AgreementVersion> publish(AgreementVersion version, Actor actor) {
        Instant at = version.publishedAt().truncatedTo(ChronoUnit.MICROS);
        return database.inTransaction(h -> {
            // Taking turns per agreement: two admins publishing at once cannot both make version N.
            h.createQuery("SELECT id FROM agreements WHERE id = :id FOR UPDATE").bind("id", version.agreementId())
                    .mapTo(Long.class).one();
            int next = h.createQuery("SELECT coalesce(max(number), 0) + 1 FROM agreement_versions WHERE agreement_id = :id")
                    .bind("id", version.agreementId()).mapTo(Integer.class).one();
            if (next != version.number()) {
                return Optional.<AgreementVersion>empty();
            }
            h.createUpdate("INSERT INTO agreement_versions (agreement_id, number, change_kind, changelog, text, html, "
                            + "sha256, published_at, published_by) VALUES (:agreement, :number, :change, :changelog, "
                            + ":text, :html, :sha256, :at, :by)")
                    .bind("agreement", version.agreementId()).bind("number", version.number())
                    .bind("change", version.change().word()).bind("changelog", version.changelog())
                    .bind("text", version.text()).bind("html", version.html()).bind("sha256", version.sha256())
                    .bind("at", Times.of(at)).bind("by", actor.userId()).execute();
            String slug = h.createQuery("SELECT slug FROM agreements WHERE id = :id").bind("id", version.agreementId())
                    .mapTo(String.class).one();
            Audit.append(h, at, actor, "version published", slug + " v" + version.number(),
                    version.change().word() + ", sha256 " + version.sha256() + ": " + version.changelog());
            return Optional.of(new AgreementVersion(version.agreementId(), version.number(), version.change(),
                    version.changelog(), version.text(), version.html(), version.sha256(), at));
        });
    }

    static Agreement agreement(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Agreement(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                Json.fields(rs.getString("fields")), rs.getBoolean("sample"), Times.instant(rs, "created_at"));
    }

    static AgreementVersion version(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AgreementVersion(rs.getLong("agreement_id"), rs.getInt("number"),
                ChangeKind.of(rs.getString("change_kind")), rs.getString("changelog"), rs.getString("text"),
                rs.getString("html"), rs.getString("sha256"), Times.instant(rs, "published_at"));
    }
}
