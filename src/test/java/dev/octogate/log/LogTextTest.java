package dev.octogate.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void plainTextIsKeptAsItIs() {
        String text = "redirect_uri_mismatch (The redirect_uri MUST match — café ✓ 🐙)";
        assertSame(text, LogText.clean(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u0000", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029",
        "\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200e", "\ufeff", "\ud800", "\udfff", "\ue000"})
    void everyCharacterThatCouldForgeOrHideALineBecomesAQuestionMark(String unsafe) {
        assertEquals("a?b", LogText.clean("a" + unsafe + "b"));
    }

    @Test
    void aFakeLogLineStaysOnTheLineItCameIn() {
        assertEquals("x?INFO: sign-in: login=admin outcome=signed-in",
                LogText.clean("x\nINFO: sign-in: login=admin outcome=signed-in"));
    }

    @Test
    void longTextIsCutAtTwoHundredCharacters() {
        assertEquals("a".repeat(200) + "…", LogText.clean("a".repeat(201)));
        assertEquals("a".repeat(200), LogText.clean("a".repeat(200)));
        assertEquals("?".repeat(200) + "…", LogText.clean("\n".repeat(300)));
        assertEquals("🐙".repeat(200) + "…", LogText.clean("🐙".repeat(250)), "code points, not chars");
    }

    @Test
    void nullIsSaidSo() {
        assertEquals("null", LogText.clean(null));
    }
}
