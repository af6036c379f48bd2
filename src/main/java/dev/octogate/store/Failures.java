package dev.octogate.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/** Tells a database that is not there apart from a query that failed. */
final class Failures {

    private Failures() {
    }

    /** {@code e} as the caller should see it: {@link StoreUnavailable} when the database did not answer. */
    static RuntimeException translate(JdbiException e) {
        if (e instanceof ConnectionException) {
            return new StoreUnavailable(e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return new StoreUnavailable(e);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return new StoreUnavailable(e); // connection exceptions, and the server shutting down
            }
        }
        return e;
    }
}
