package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/",
            "/a",
            "/a/b",
            "/a/b/",
            "/a/b?x=1&y=2",
            "/a?next=/b",
            "/a?q=a+b",
            "/caf%C3%A9",
            "/a.b/c-d_e~f",
            "/a/.well-known/x",
            "/a/..b/c",
    })
    void safePathsAreKept(String next) {
        assertEquals(next, SafeRedirects.sanitize(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%20b", "/search?q=a%20b"})
    void encodedSpaceIsKept(String next) {
        assertEquals(next, SafeRedirects.sanitize(next));
    }

    @Test
    void queryMayHoldEncodedHashPercentAndBackslash() {
        assertEquals("/search?q=a%23b&r=50%25&s=a%5Cb", SafeRedirects.sanitize("/search?q=a%23b&r=50%25&s=a%5Cb"));
    }

    @Test
    void nonAsciiAndSpacesAreEncodedForTheLocationHeader() {
        assertEquals("/caf%C3%A9?q=%F0%9F%90%99%20x", SafeRedirects.sanitize("/café?q=🐙 x"));
    }

    @Test
    void aRawHashOrControlCharacterInTheQueryIsRefused() {
        assertEquals("/", SafeRedirects.sanitize("/a?b#c"));
        assertEquals("/", SafeRedirects.sanitize("/a?b\r\nSet-Cookie:x"));
    }

    static Stream<Arguments> offSite() {
        return Stream.of(
                // protocol-relative and backslash tricks
                Arguments.of("//evil.com"),
                Arguments.of("///evil.com"),
                Arguments.of("////evil.com"),
                Arguments.of("/\\evil.com"),
                Arguments.of("\\\\evil.com"),
                Arguments.of("\\/evil.com"),
                Arguments.of("/a\\b"),
                // schemes and other non-paths
                Arguments.of("https://evil.com"),
                Arguments.of("http://evil.com/"),
                Arguments.of("HTTPS://evil.com"),
                Arguments.of("javascript:alert(1)"),
                Arguments.of("JavaScript:alert(1)"),
                Arguments.of("/javascript:alert(1)"),
                Arguments.of("data:text/html,<script>alert(1)</script>"),
                Arguments.of("evil.com"),
                Arguments.of("a/b"),
                Arguments.of("?x=1"),
                Arguments.of("#frag"),
                // encoded variants
                Arguments.of("/%2F%2Fevil.com"),
                Arguments.of("/%2f%2fevil.com"),
                Arguments.of("%2F%2Fevil.com"),
                Arguments.of("%2Fevil.com"),
                Arguments.of("/%5Cevil.com"),
                Arguments.of("/%5cevil.com"),
                Arguments.of("%5C%5Cevil.com"),
                Arguments.of("/%252F%252Fevil.com"),
                Arguments.of("/%25252F%25252Fevil.com"),
                Arguments.of("/%2525252F%2525252Fevil.com"),
                Arguments.of("/%255Cevil.com"),
                Arguments.of("https%3A%2F%2Fevil.com"),
                Arguments.of("/https%3A%2F%2Fevil.com"),
                // control characters, raw and encoded
                Arguments.of("/a\rb"),
                Arguments.of("/a\nb"),
                Arguments.of("/a\r\nSet-Cookie:x=1"),
                Arguments.of("/\t/evil.com"),
                Arguments.of("/a\tb"),
                Arguments.of("/a\u0000b"),
                Arguments.of("/a\u007fb"),
                Arguments.of("/a\u2028b"),
                Arguments.of("/a%0d%0aSet-Cookie:x=1"),
                Arguments.of("/a%0D%0ASet-Cookie:x=1"),
                Arguments.of("/a%0ab"),
                Arguments.of("/%09/evil.com"),
                Arguments.of("/a%00b"),
                Arguments.of("/a%250d%250ab"),
                // dot segments out of the context path
                Arguments.of("/../other-app"),
                Arguments.of("/a/../../other-app"),
                Arguments.of("/a/.."),
                Arguments.of("/./a"),
                Arguments.of("/a/%2e%2e/x"),
                Arguments.of("/a/%2E%2E/x"),
                Arguments.of("/%2e%2e/other-app"),
                Arguments.of("/a/%252e%252e/x"),
                Arguments.of("/a/.%2e/x"),
                // path parameters and malformed encodings
                Arguments.of("/a;jsessionid=123"),
                Arguments.of("/a%3Bjsessionid=123"),
                Arguments.of("/a%"),
                Arguments.of("/a%zz"),
                // too long
                Arguments.of("/" + "a".repeat(1024)),
                Arguments.of("/" + "a".repeat(10_000)));
    }

    @ParameterizedTest
    @MethodSource("offSite")
    void offSiteTricksBecomeHome(String next) {
        assertEquals("/", SafeRedirects.sanitize(next));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyBecomeHome(String next) {
        assertEquals("/", SafeRedirects.sanitize(next));
    }

    @Test
    void longestAllowedPathIsKept() {
        String next = "/" + "a".repeat(1023);
        assertEquals(1024, next.length());
        assertEquals(next, SafeRedirects.sanitize(next));
    }

    @Test
    void homeIsSlash() {
        assertEquals("/", SafeRedirects.HOME);
    }
}
