package dev.octogate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests, from Maven jars (zonky's embedded PostgreSQL 15): started once
 * per test JVM, on a random port, stopped when the JVM ends; each caller gets a database of its
 * own, so that tests running side by side never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** A new, empty database; its JDBC URL (user and password in it). */
    public static String newDatabase() {
        String name = "octogate_test_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** The server, to stop and start it (the database unreachable, then back). */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending
                }
            }, "test-postgres-stop"));
        }
        return postgres;
    }

    /**
     * A PostgreSQL server of one test's own, to stop and start again (on the same port, with the
     * same data): the database going away under a running app, and coming back.
     */
    public static final class Restartable implements AutoCloseable {

        private final java.nio.file.Path directory;
        private final int port;
        private EmbeddedPostgres running;

        public Restartable() throws IOException {
            directory = java.nio.file.Files.createTempDirectory("octogate-pg");
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            start();
        }

        public synchronized void start() throws IOException {
            if (running == null) {
                running = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false)
                        .setPort(port).start();
            }
        }

        /** Stops the server (fast shutdown: open connections are cut); its data stays. */
        public synchronized void stop() throws IOException {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        /** The JDBC URL of its {@code postgres} database. */
        public String url() {
            return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        }

        @Override
        public void close() throws IOException {
            stop();
            try (var files = java.nio.file.Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
