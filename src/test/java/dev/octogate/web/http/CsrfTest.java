package dev.octogate.web.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTest {

    @Test
    void onlyTheSessionsOwnTokenMatches() {
        assertTrue(Csrf.matches("t0ken", "t0ken"));
        assertFalse(Csrf.matches("t0ken", null));
        assertFalse(Csrf.matches("t0ken", ""));
        assertFalse(Csrf.matches("t0ken", "t0ke"));
        assertFalse(Csrf.matches("t0ken", "t0kenx"));
        assertFalse(Csrf.matches("t0ken", "T0KEN"));
    }
}
