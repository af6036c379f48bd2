package dev.octogate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout the README describes: packages by feature, imports pointing one way only (from the
 * web adapters down to the settings), and no servlet type below the web layer, so that the core
 * stays plain Java, testable without a container.
 */
class PackageArrowsTest {

    /** What each package may use of Octogate's other packages. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("log", Set.of()),
            Map.entry("crypto", Set.of("config")),
            Map.entry("github", Set.of("config", "log")),
            Map.entry("store", Set.of("config", "log", "crypto")),
            Map.entry("signin", Set.of("config", "log", "crypto", "github")),
            Map.entry("cla", Set.of("config", "log", "crypto", "store")),
            Map.entry("admin", Set.of("config", "log", "crypto", "store", "cla")),
            Map.entry("web.http", Set.of("config", "log", "crypto", "github", "signin", "store")),
            Map.entry("web.signin", Set.of("config", "log", "crypto", "github", "signin", "web.http")),
            Map.entry("web.cla", Set.of("config", "log", "crypto", "github", "signin", "store", "cla", "web.http")),
            Map.entry("web.admin", Set.of("config", "log", "crypto", "github", "signin", "store", "cla", "admin",
                    "web.http", "web.cla")),
            Map.entry("web", Set.of("config", "log", "crypto", "github", "signin", "store", "cla", "admin", "web.http",
                    "web.signin", "web.cla", "web.admin")));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.octogate\\.([a-z.]+?)\\.[A-Z]");
    private static final Path SOURCES = Path.of("src/main/java/dev/octogate");

    @Test
    void importsPointOneWay() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Matcher m = REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !ALLOWED.getOrDefault(pkg, Set.of()).contains(used)) {
                    wrong.add(SOURCES.relativize(file) + " uses " + used);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyPackageIsPlaced() throws IOException {
        assertEquals(List.of(), sources().stream().map(PackageArrowsTest::packageOf).distinct()
                .filter(p -> !ALLOWED.containsKey(p)).toList());
    }

    @Test
    void noServletTypeBelowTheWebLayer() throws IOException {
        List<String> wrong = sources().stream()
                .filter(f -> !packageOf(f).startsWith("web"))
                .filter(f -> {
                    try {
                        return Files.readString(f).contains("jakarta.servlet");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .map(f -> SOURCES.relativize(f).toString()).toList();
        assertEquals(List.of(), wrong);
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }
}
