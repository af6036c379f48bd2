package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.config.Secret;
import dev.octogate.crypto.Keys;
import dev.octogate.github.GitHubUser;
import dev.octogate.testing.LogCapture;
import java.io.InvalidObjectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the session and the pending-sign-in cookies hold: compact bytes, sealed. */
class StoredFormTest {

    @RegisterExtension
    final LogCapture logs = LogCapture.of("dev.octogate.signin");

    static final SignedInUser EVERY_FIELD = new SignedInUser(new GitHubUser("octocat", 583231, "The Octocat ✓ <b>",
            "https://a/x.png", "https://github.com/octocat"), "gho_token", List.of("read:org", "user:email"),
            Instant.parse("2026-01-01T08:00:00.123456789Z"), "ghr_refresh", "W/\"etag\"",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:05:00Z"), "csrf", true);

    @Test
    void signedInUserWithEveryField() throws Exception {
        assertEquals(EVERY_FIELD, SignedInUser.fromBytes(EVERY_FIELD.toBytes()));
    }

    @Test
    void signedInUserWithNulls() throws Exception {
        SignedInUser user = new SignedInUser(new GitHubUser("octocat", 1, null, null, null), "gho_token", List.of(),
                null, null, null, Instant.EPOCH, Instant.EPOCH, "csrf", false);
        assertEquals(user, SignedInUser.fromBytes(user.toBytes()));
    }

    @Test
    void pendingSignIn() throws Exception {
        PendingSignIn pending = new PendingSignIn("verifier", "/a?b=c", URI.create("https://cla.example.org/callback"),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(pending, PendingSignIn.fromBytes(pending.toBytes()));
    }

    @Test
    void anUnknownVersionIsRefusedNotMisread() {
        assertThrows(InvalidObjectException.class,
                () -> new CompactForm.Reader(new CompactForm.Writer(99).string("x").done(), 1));
    }

    @Test
    void theSessionHoldsTheUserSealedAsABareByteArray() {
        SignedInSessions sessions = TestSettings.sessions();
        MapSession session = new MapSession();
        sessions.store(session, EVERY_FIELD);
        Object stored = session.snapshot().get(SignedInSessions.ATTRIBUTE);
        assertTrue(stored instanceof byte[], "a JDK type: the container deserialises no Octogate class");
        String bytes = new String((byte[]) stored, StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("gho_token") || bytes.contains("ghr_refresh") || bytes.contains("octocat"),
                "nothing readable in a session store");
        assertEquals(EVERY_FIELD, sessions.current(session).orElseThrow());
    }

    @Test
    void anAlteredSessionValueSignsTheSessionOut() {
        SignedInSessions sessions = TestSettings.sessions();
        MapSession session = new MapSession();
        sessions.store(session, EVERY_FIELD);
        byte[] stored = ((byte[]) session.snapshot().get(SignedInSessions.ATTRIBUTE)).clone();
        stored[stored.length / 2] ^= 0x20;
        session.set(SignedInSessions.ATTRIBUTE, stored);
        assertTrue(sessions.current(session).isEmpty());
        assertFalse(session.snapshot().containsKey(SignedInSessions.ATTRIBUTE), "the value is dropped");
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.contains("does not open")), logs.all().toString());
    }

    @Test
    void aValueSealedWithAKeyNoLongerConfiguredOrOfAnotherTypeSignsOut() {
        SignedInSessions before = new SignedInSessions(Keys.from(List.of(), new Secret("the old client secret"))
                .sealer("session"));
        MapSession session = new MapSession();
        before.store(session, EVERY_FIELD);
        byte[] sealed = (byte[]) session.snapshot().get(SignedInSessions.ATTRIBUTE);
        assertTrue(TestSettings.sessions().current(session).isEmpty());

        session.set(SignedInSessions.ATTRIBUTE, "a string where bytes should be");
        assertTrue(TestSettings.sessions().current(session).isEmpty());
        assertArrayEquals(EVERY_FIELD.toBytes(), EVERY_FIELD.toBytes(), "the form itself is stable");
        assertTrue(sealed.length > 0);
    }
}
