package dev.octogate.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicPathsTest {

    @Test
    void emptyListMatchesNothing() {
        PublicPaths paths = PublicPaths.parse("");
        assertEquals(List.of(), paths.exact());
        assertEquals(List.of(), paths.prefixes());
        assertFalse(paths.matches("/"));
        assertFalse(paths.matches("/about"));
    }

    @Test
    void blankEntriesAreIgnored() {
        PublicPaths paths = PublicPaths.parse(" , /about ,, ");
        assertEquals(List.of("/about"), paths.exact());
        assertEquals(List.of(), paths.prefixes());
    }

    @Test
    void exactMatchOnly() {
        PublicPaths paths = PublicPaths.parse("/about");
        assertTrue(paths.matches("/about"));
        assertFalse(paths.matches("/about/"));
        assertFalse(paths.matches("/about/team"));
        assertFalse(paths.matches("/aboutx"));
        assertFalse(paths.matches("/abou"));
        assertFalse(paths.matches("/About"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/docs/", "/docs/a", "/docs/a/b", "/docs/a/b/c.html"})
    void prefixMatchesItselfAndEverythingBelow(String path) {
        assertTrue(PublicPaths.parse("/docs/*").matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docsx", "/docsx/a", "/doc", "/", "/other/docs/a", "/api/docs"})
    void prefixDoesNotMatchSiblingsOrOtherPaths(String path) {
        assertFalse(PublicPaths.parse("/docs/*").matches(path));
    }

    @Test
    void rootPrefixMatchesEveryPath() {
        PublicPaths paths = PublicPaths.parse("/*");
        assertEquals(List.of(""), paths.prefixes());
        assertTrue(paths.matches("/"));
        assertTrue(paths.matches("/anything/below"));
    }

    @Test
    void nestedPrefix() {
        PublicPaths paths = PublicPaths.parse("/static/img/*");
        assertEquals(List.of("/static/img"), paths.prefixes());
        assertTrue(paths.matches("/static/img/logo.png"));
        assertFalse(paths.matches("/static/css/site.css"));
        assertFalse(paths.matches("/static/imgx"));
    }

    @Test
    void exactAndPrefixTogether() {
        PublicPaths paths = PublicPaths.parse("/about,/docs/*, /terms");
        assertEquals(List.of("/about", "/terms"), paths.exact());
        assertEquals(List.of("/docs"), paths.prefixes());
        assertTrue(paths.matches("/about"));
        assertTrue(paths.matches("/terms"));
        assertTrue(paths.matches("/docs/x"));
        assertFalse(paths.matches("/private"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "about",            // not starting with /
            "docs/*",
            "*",
            "https://evil.example/",
            "//evil.example",
            "/../admin",        // ..
            "/docs/../admin",
            "/docs/..",
            "/a;b",             // ;
            "/docs;x/*",
            "/a%2Fb",           // %
            "/%2e%2e/admin",
            "/a\\b",            // backslash
            "\\about",
            "/a*",              // * other than a trailing /*
            "/a*/b",
            "/*/x",
            "/docs/*/more",
            "/docs*",
            "/a b",             // whitespace and control characters
            "/a\tb",
            "/a\u0000b",
    })
    void rejectsUnsafeEntries(String entry) {
        assertThrows(IllegalArgumentException.class, () -> PublicPaths.parse(entry));
    }

    @Test
    void oneBadEntryRejectsTheWholeList() {
        assertThrows(IllegalArgumentException.class, () -> PublicPaths.parse("/about, /docs/*, /a;b"));
    }

    @Test
    void listsAreImmutable() {
        PublicPaths paths = PublicPaths.parse("/about,/docs/*");
        assertThrows(UnsupportedOperationException.class, () -> paths.exact().add("/x"));
        assertThrows(UnsupportedOperationException.class, () -> paths.prefixes().add("/x"));
    }
}
