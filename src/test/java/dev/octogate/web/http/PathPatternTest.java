package dev.octogate.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @Test
    void exactPathsMatchThemselvesOnly() {
        PathPattern login = PathPattern.parse("/login");
        assertTrue(login.isExact());
        assertEquals(Optional.of(Map.of()), login.match("/login"));
        assertTrue(login.match("/login/x").isEmpty());
        assertTrue(login.match("/loginx").isEmpty());
        assertEquals("/login", login.servletMapping());
    }

    @Test
    void anExactPathMayEndInASlash() {
        PathPattern admin = PathPattern.parse("/admin/");
        assertTrue(admin.isExact());
        assertTrue(admin.match("/admin/").isPresent());
        assertTrue(admin.match("/admin").isEmpty());
        assertEquals("/admin/", admin.servletMapping());
    }

    @Test
    void theRootIsTheEmptyServletMapping() {
        PathPattern root = PathPattern.parse("/");
        assertTrue(root.match("/").isPresent());
        assertTrue(root.match("/x").isEmpty());
        assertEquals("", root.servletMapping());
    }

    @Test
    void namedSegmentsGiveTheirValues() {
        PathPattern version = PathPattern.parse("/agreements/{slug}/versions/{n}");
        assertFalse(version.isExact());
        assertEquals(Optional.of(Map.of("slug", "individual", "n", "3")), version.match("/agreements/individual/versions/3"));
        assertTrue(version.match("/agreements/individual/versions").isEmpty());
        assertTrue(version.match("/agreements/individual/versions/3/x").isEmpty());
        assertTrue(version.match("/agreements//versions/3").isEmpty(), "a named segment is never empty");
        assertEquals("/agreements/*", version.servletMapping());
        assertEquals("/agreements", version.literalPrefix());
    }

    @Test
    void aNamedSegmentMayEndInALiteral() {
        PathPattern receipt = PathPattern.parse("/signatures/{id}.txt");
        assertEquals(Optional.of(Map.of("id", "abc")), receipt.match("/signatures/abc.txt"));
        assertTrue(receipt.match("/signatures/abc").isEmpty());
        assertTrue(receipt.match("/signatures/.txt").isEmpty(), "the value is not empty");
    }

    @Test
    void prefixesCoverThemselvesAndBelowOnly() {
        PathPattern statics = PathPattern.parse("/static/*");
        assertTrue(statics.isPrefix());
        assertTrue(statics.match("/static").isPresent());
        assertTrue(statics.match("/static/octogate.css").isPresent());
        assertTrue(statics.match("/static/a/b").isPresent());
        assertTrue(statics.match("/staticx").isEmpty());
        assertEquals("/static/*", statics.servletMapping());
    }

    @Test
    void moreLiteralTextIsMoreSpecific() {
        assertTrue(PathPattern.parse("/signatures/{id}.txt").specificity()
                > PathPattern.parse("/signatures/{id}").specificity());
        assertTrue(PathPattern.parse("/agreements/{slug}/sign").specificity()
                > PathPattern.parse("/agreements/{slug}/{other}").specificity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "//x", "/a/{b}/", "/a/{}", "/a/{Slug}", "/a/x{y}", "/a/{b}{c}", "/a/*/b", "/{a}/*"})
    void malformedPatternsAreRefusedWhenDeclared(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(pattern));
    }
}
