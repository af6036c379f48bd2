package dev.octogate.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL cluster for tests: {@code initdb} into a fresh temporary
 * directory, {@code pg_ctl start} on a free loopback port with its socket in that directory, trust
 * authentication, fsync off. PostgreSQL refuses to run as root, so when the tests run as root
 * the directory is given to the {@code postgres} user and every command runs as that user
 * ({@code runuser -u postgres --}).
 *
 * <p>{@link #close()} stops the server ({@code pg_ctl stop -m immediate}) and deletes the
 * directory; a JVM shutdown hook does the same if the tests never get there.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String OS_USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread shutdownHook;
    private boolean running;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stopQuietly, "private-postgres-stop");
    }

    /**
     * The {@code bin} directory of the newest PostgreSQL installed the Debian way
     * ({@code /usr/lib/postgresql/VERSION/bin} with {@code initdb} and {@code pg_ctl}), if any.
     */
    public static Optional<Path> findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(PrivatePostgres::versionOf));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static double versionOf(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the commands can run: as root only through runuser and an existing postgres user. */
    public static Optional<String> whyNotRunnable() {
        if (!isRoot()) {
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return Optional.of("running as root and runuser is missing");
        }
        try {
            Process id = new ProcessBuilder("id", "-u", OS_USER).redirectErrorStream(true).start();
            id.getInputStream().readAllBytes();
            if (!id.waitFor(10, TimeUnit.SECONDS) || id.exitValue() != 0) {
                return Optional.of("running as root and there is no '" + OS_USER + "' user");
            }
        } catch (IOException e) {
            return Optional.of("cannot run id: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates and starts a cluster with the binaries in {@code bin}; its superuser is {@code postgres}. */
    public static PrivatePostgres start(Path bin) throws IOException, InterruptedException {
        boolean asPostgres = isRoot();
        Path dir = Files.createTempDirectory("octogate-pg");
        PrivatePostgres pg = new PrivatePostgres(bin, dir, freePort(), asPostgres);
        try {
            if (asPostgres) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
                view.setOwner(users.lookupPrincipalByName(OS_USER));
                GroupPrincipal group = users.lookupPrincipalByGroupName(OS_USER);
                view.setGroup(group);
            }
            pg.run(60, "initdb", "-D", pg.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
            pg.running = true;
            pg.run(60, "pg_ctl", "-D", pg.data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-t", "50", "-o", "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
            return pg;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pg.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** A JDBC URL of a database of this cluster, as the {@code postgres} superuser (trust, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** A connection to a database of this cluster (straight through the driver: no DriverManager look-up). */
    public Connection connect(String database) throws SQLException {
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), new Properties());
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver refused " + jdbcUrl(database));
        }
        return connection;
    }

    /** Creates a database and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    /** The server's log, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    private void run(int timeoutSeconds, String command, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        if (asPostgresUser) {
            argv.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        argv.add(bin.resolve(command).toString());
        argv.addAll(Arrays.asList(args));
        Path output = Files.createTempFile("octogate-pg-" + command, ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("LC_ALL", "C");
            builder.environment().remove("PGDATA");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " failed (" + process.exitValue() + "):\n"
                        + Files.readString(output) + "\n" + log());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private synchronized void stopQuietly() {
        if (running) {
            try {
                run(60, "pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
                running = false;
            } catch (IOException e) {
                if (Files.exists(data.resolve("postmaster.pid"))) {
                    System.err.println("Could not stop the private PostgreSQL in " + data + ": " + e.getMessage());
                } else {
                    running = false; // it never started, or is gone
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!running) {
            try {
                TomcatWarServer.deleteRecursively(dir);
            } catch (RuntimeException e) {
                System.err.println("Could not delete " + dir + ": " + e);
            }
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down already, or the hook was never added
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
