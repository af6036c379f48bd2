package dev.octogate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.octogate.config.SettingsException;
import dev.octogate.log.LogText;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The PostgreSQL database: a pool of connections (HikariCP), the schema brought up to date at start
 * (Flyway, forward only), and plain SQL through Jdbi. A database that cannot be reached, refuses
 * the credentials, or has a schema newer than this Octogate knows stops the start with one line
 * saying which.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    /**
     * The newest migration in {@code db/migration} ({@code V1__…}); {@code MigrationsTest} checks it
     * against the files.
     */
    static final int SCHEMA_VERSION = 1;
    /** How long a request waits for a connection before the database counts as down. */
    static final long CONNECTION_TIMEOUT_MILLIS = 2000;

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
    }

    /** Connects and migrates; a problem is a {@link SettingsException} naming the setting. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("octogate-db");
        // The driver by class, not looked up through DriverManager: this app deregisters its drivers
        // there at undeploy, and other users of the same class loader (tests) must not miss it.
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(p -> config.setPassword(p.value()));
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1000);
        // Fail at start, not at the first request, when the database is not there.
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MILLIS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SettingsException(why(settings, e));
        }
        try {
            migrate(pool, settings);
            return new Database(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(DataSource pool, DatabaseSettings settings) {
        int applied = appliedVersion(pool, settings);
        if (applied > SCHEMA_VERSION) {
            throw newer(settings, Integer.toString(applied));
        }
        if (applied == SCHEMA_VERSION) {
            // Up to date, the usual start: Flyway's classes and scan (a quarter of a second) are not
            // needed. (That applied migrations never change is a build-time test, MigrationsTest.)
            return;
        }
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load();
            // A schema newer than this code (a newer node migrated it) is refused, never used.
            for (MigrationInfo migration : flyway.info().all()) {
                if (migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED) {
                    throw newer(settings, String.valueOf(migration.getVersion()));
                }
            }
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("database schema brought to version " + result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            String message = LogText.clean(String.valueOf(e.getMessage()));
            throw new SettingsException("Could not bring the database at db.url (DATABASE_URL) " + settings.safeUrl()
                    + " up to date: " + message.lines().findFirst().orElse(""));
        }
    }

    /** The newest schema version applied, as Flyway's history says; 0 for a database without one. */
    private static int appliedVersion(DataSource pool, DatabaseSettings settings) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            if (!history.next() || !history.getBoolean(1)) {
                return 0;
            }
            try (ResultSet newest = statement.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history "
                    + "WHERE success AND version ~ '^[0-9]+$'")) {
                return newest.next() ? newest.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new SettingsException(why(settings, e));
        }
    }

    private static SettingsException newer(DatabaseSettings settings, String version) {
        return new SettingsException("The database at db.url (DATABASE_URL) " + settings.safeUrl() + " has schema version "
                + version + ", newer than this Octogate knows: deploy the newer version, or use another database.");
    }

    /** One line saying why the database could not be used, naming the setting to fix; never a password. */
    static String why(DatabaseSettings settings, Throwable failure) {
        SQLException sql = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String where = " at db.url (DATABASE_URL) " + settings.safeUrl();
        if (state.equals("28P01") || state.equals("28000")) {
            return "The database" + where + " refused the user or password: check db.user (DATABASE_USER) and "
                    + "db.password (DATABASE_PASSWORD).";
        }
        if (state.equals("3D000")) {
            return "The database named in db.url (DATABASE_URL) " + settings.safeUrl() + " does not exist: create it, "
                    + "or fix the URL.";
        }
        String cause = sql == null ? String.valueOf(failure.getMessage()) : String.valueOf(sql.getMessage());
        return "Cannot connect to the database" + where + ": " + LogText.clean(cause.lines().findFirst().orElse(""))
                + ". Check db.url (DATABASE_URL).";
    }

    /**
     * Work on one connection, without a transaction of its own; a database that does not answer
     * is a {@link StoreUnavailable}, any other failure a {@link JdbiException}. The same for the
     * three below.
     */
    public <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw Failures.translate(e);
        }
    }

    /** Work in one transaction, committed when it returns. */
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw Failures.translate(e);
        }
    }

    public void useHandle(HandleConsumer<RuntimeException> work) {
        try {
            jdbi.useHandle(work);
        } catch (JdbiException e) {
            throw Failures.translate(e);
        }
    }

    public void useTransaction(HandleConsumer<RuntimeException> work) {
        try {
            jdbi.useTransaction(work);
        } catch (JdbiException e) {
            throw Failures.translate(e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Closes the pool (its threads end) and deregisters the JDBC drivers this app's class loader
     * registered, so that an undeploy leaves nothing of the app in the JVM.
     */
    @Override
    public void close() {
        pool.close();
        ClassLoader mine = Database.class.getClassLoader();
        if (mine == ClassLoader.getSystemClassLoader()) {
            return; // not a web app's loader (a test, a tool): the driver belongs to the whole JVM
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == mine) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    LOG.warning("could not deregister the JDBC driver " + driver + ": " + e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "the database";
    }
}
