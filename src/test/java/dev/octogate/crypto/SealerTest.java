package dev.octogate.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.config.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealerTest {

    static final Secret CLIENT_SECRET = new Secret("the-github-client-secret");
    static final Secret NEW = new Secret("a-new-app-secret-of-at-least-32-characters");
    static final Secret OLD = new Secret("an-old-app-secret-of-at-least-32-characters");
    static final byte[] CONTENT = "gho_token and the rest of a session".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONTEXT = "octogate-signin-abc".getBytes(StandardCharsets.UTF_8);

    static Sealer sealer(List<Secret> secrets, String purpose) {
        return Keys.from(secrets, CLIENT_SECRET).sealer(purpose);
    }

    @Test
    void whatIsSealedOpensAgainAndCannotBeRead() {
        Sealer sealer = sealer(List.of(NEW), "session");
        byte[] sealed = sealer.seal(CONTENT, CONTEXT);
        assertArrayEquals(CONTENT, sealer.open(sealed, CONTEXT).orElseThrow());
        assertEquals(CONTENT.length + Sealer.OVERHEAD, sealed.length);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("gho_token"), "encrypted");
        assertNotEquals(Arrays.toString(sealed), Arrays.toString(sealer.seal(CONTENT, CONTEXT)), "a fresh nonce each time");
    }

    @Test
    void anyChangedByteIsRefused() {
        Sealer sealer = sealer(List.of(NEW), "session");
        byte[] sealed = sealer.seal(CONTENT, CONTEXT);
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            assertTrue(sealer.open(altered, CONTEXT).isEmpty(), "byte " + i);
        }
        assertTrue(sealer.open(Arrays.copyOf(sealed, sealed.length - 1), CONTEXT).isEmpty(), "cut short");
        assertTrue(sealer.open(new byte[3], CONTEXT).isEmpty());
        assertTrue(sealer.open(null, CONTEXT).isEmpty());
    }

    @Test
    void aValueOpensOnlyForItsPurposeAndContext() {
        byte[] sealed = sealer(List.of(NEW), "session").seal(CONTENT, CONTEXT);
        assertTrue(sealer(List.of(NEW), "pending-sign-in").open(sealed, CONTEXT).isEmpty(), "another purpose's key");
        assertTrue(sealer(List.of(NEW), "session").open(sealed, "another".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void rotationSealsWithTheFirstAndOpensWithAny() {
        byte[] byOld = sealer(List.of(OLD), "session").seal(CONTENT, CONTEXT);
        Sealer rotated = sealer(List.of(NEW, OLD), "session");
        assertArrayEquals(CONTENT, rotated.open(byOld, CONTEXT).orElseThrow(), "still opens after rotation");
        byte[] byRotated = rotated.seal(CONTENT, CONTEXT);
        assertArrayEquals(CONTENT, sealer(List.of(NEW), "session").open(byRotated, CONTEXT).orElseThrow(),
                "sealed with the first");
        assertTrue(sealer(List.of(NEW), "session").open(byOld, CONTEXT).isEmpty(), "an old key once removed opens nothing");
    }

    @Test
    void withoutAnAppSecretTheKeysComeFromTheClientSecretAndAreTheSameOnEveryNode() {
        byte[] sealed = sealer(List.of(), "session").seal(CONTENT, CONTEXT);
        assertArrayEquals(CONTENT, Keys.from(List.of(), new Secret(CLIENT_SECRET.value())).sealer("session")
                .open(sealed, CONTEXT).orElseThrow());
        assertTrue(Keys.from(List.of(), new Secret("a-rotated-client-secret")).sealer("session")
                .open(sealed, CONTEXT).isEmpty(), "a new client secret signs everyone out");
        assertTrue(sealer(List.of(new Secret(CLIENT_SECRET.value() + "-padding-to-32-chars")), "session")
                .open(sealed, CONTEXT).isEmpty());
    }

    @Test
    void appSecretsAreCheckedWithoutShowingThem() {
        assertEquals(List.of(), KeySettings.parse(""));
        assertEquals(List.of(NEW, OLD), KeySettings.parse(NEW.value() + " , " + OLD.value()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeySettings.parse(NEW.value() + ",short-secret"));
        assertTrue(e.getMessage().contains("number 2") && !e.getMessage().contains("short-secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeySettings.parse(NEW.value() + ","));
    }
}
