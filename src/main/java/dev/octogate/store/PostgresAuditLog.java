package dev.octogate.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link AuditLog} in PostgreSQL. */
public final class PostgresAuditLog implements AuditLog {

    private static final String ENTRY = "SELECT id, at, actor_id, actor_login, action, subject, detail, previous_hash, hash "
            + "FROM audit_log";

    private final Database database;

    public PostgresAuditLog(Database database) {
        this.database = database;
    }

    @Override
    public List<AuditEntry> newest(int limit) {
        return database.withHandle(h -> h.createQuery(ENTRY + " ORDER BY id DESC LIMIT :limit").bind("limit", limit)
                .map(PostgresAuditLog::entry).list());
    }

    @Override
    public void each(Consumer<AuditEntry> entry) {
        database.useTransaction(h -> h.createQuery(ENTRY + " ORDER BY id").setFetchSize(500)
                .map(PostgresAuditLog::entry).forEach(entry));
    }

    static AuditEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        long actorId = rs.getLong("actor_id");
        Long actor = rs.wasNull() ? null : actorId;
        return new AuditEntry(rs.getLong("id"), Times.instant(rs, "at"), new Actor(actor, rs.getString("actor_login")),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
