package dev.octogate.standin;

import dev.octogate.config.DevelopmentFallback;
import dev.octogate.config.SettingsReader;
import dev.octogate.config.SettingsSource;
import dev.octogate.github.GitHubSettings;
import dev.octogate.signin.SignInSettings;
import dev.octogate.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets {@code ./mvnw jetty:run} work offline with no settings, when the pom switches it on
 * ({@code -Doctogate.standin=true}): without a client id it starts the {@link GitHubStandIn} on
 * loopback (port {@code octogate.standin.port}, default 8090, or any free one), points Octogate at
 * it and makes octocat an admin; without a database URL it starts an embedded PostgreSQL in
 * {@code APP_DATA_DIR} (its data kept across runs) and offers a sample agreement. The app stops
 * both when it is undeployed.
 */
public final class StandInFallback implements DevelopmentFallback {

    private static final String DATABASE = "octogate";

    @Override
    public Optional<Started> start(SettingsReader reader) {
        if (!Boolean.getBoolean("octogate.standin")) {
            return Optional.empty();
        }
        Map<String, String> settings = new HashMap<>();
        List<AutoCloseable> started = new ArrayList<>();
        List<String> said = new ArrayList<>();
        boolean sample = false;
        try {
            if (!reader.isSet(GitHubSettings.CLIENT_ID)) {
                GitHubStandIn standIn = standIn();
                started.add(standIn);
                settings.put(GitHubSettings.CLIENT_ID.property(), standIn.clientId());
                settings.put(GitHubSettings.CLIENT_SECRET.property(), standIn.clientSecret());
                settings.put(GitHubSettings.URL.property(), standIn.url().toString());
                settings.put(GitHubSettings.API_URL.property(), standIn.url().toString());
                if (!reader.isSet(SignInSettings.ADMINS)) {
                    settings.put(SignInSettings.ADMINS.property(), "octocat");
                }
                said.add("Local GitHub stand-in (not GitHub) on " + standIn.url() + "; octocat is an admin");
            }
            if (!reader.isSet(DatabaseSettings.URL)) {
                Path dir = Path.of(reader.get(DevelopmentFallback.DATA_DIR)).toAbsolutePath().resolve("postgres");
                EmbeddedPostgres postgres = postgres(dir);
                started.add(postgres);
                settings.put(DatabaseSettings.URL.property(), postgres.getJdbcUrl("postgres", DATABASE));
                sample = true;
                said.add("Embedded PostgreSQL on port " + postgres.getPort() + ", its data in " + dir);
            }
        } catch (RuntimeException | Error e) {
            close(started);
            throw e;
        }
        System.out.println("\n  " + String.join("\n  ", said) + "\n  Open http://localhost:"
                + Integer.getInteger("jetty.http.port", 8080) + "/ and sign in as octocat.\n");
        boolean withSample = sample;
        return Optional.of(new Started() {
            @Override
            public SettingsSource settings() {
                return name -> Optional.ofNullable(settings.get(name));
            }

            @Override
            public Optional<Sample> sample() {
                return withSample ? Optional.of(new Sample("individual", "Individual Contributor License Agreement",
                        resource("sample-agreement.md"))) : Optional.empty();
            }

            @Override
            public void close() {
                StandInFallback.close(started);
            }

            @Override
            public String toString() {
                return "the development run's stand-ins";
            }
        });
    }

    private static GitHubStandIn standIn() {
        try {
            try {
                return GitHubStandIn.builder().port(Integer.getInteger("octogate.standin.port", 8090)).start();
            } catch (BindException e) {
                return GitHubStandIn.builder().port(0).start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local GitHub stand-in", e);
        }
    }

    /** PostgreSQL from Maven jars, its data kept in {@code dir}, with the app's database created once. */
    static EmbeddedPostgres postgres(Path dir) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                    .start();
            try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
                 Statement s = c.createStatement();
                 ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database of the embedded PostgreSQL", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = StandInFallback.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + started.get(i) + ": " + e);
            }
        }
    }
}
