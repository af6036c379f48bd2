package dev.octogate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.octogate.crypto.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations are forward only: a published one never changes (a change is a new migration), and
 * the code knows the newest, so that a start on an up-to-date database can skip Flyway.
 */
class MigrationsTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Pattern NAME = Pattern.compile("V([0-9]+)__[a-z0-9_]+\\.sql");

    /** Every published migration and the SHA-256 of its bytes. A new migration adds its line here. */
    static final Map<String, String> PUBLISHED = Map.of(
            "V1__cla.sql", "25ea6e09fd9c7af853cadfea17c333c682cf893b695c3ea4af4b356e36d49b36");

    static Map<String, String> files() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(MIGRATIONS)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), HexFormat.of().formatHex(Sha256.of(Files.readAllBytes(path))));
            }
        }
        return files;
    }

    @Test
    void publishedMigrationsNeverChange() throws IOException {
        assertEquals(new TreeMap<>(PUBLISHED), files(),
                "a published migration was changed (add a new one instead), or a new one is not listed here");
    }

    @Test
    void theCodeKnowsTheNewestMigration() throws IOException {
        int newest = 0;
        for (String name : files().keySet()) {
            Matcher m = NAME.matcher(name);
            assertEquals(true, m.matches(), "named V<number>__<what>.sql: " + name);
            newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
        assertEquals(newest, Database.SCHEMA_VERSION);
    }
}
