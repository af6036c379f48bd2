package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.octogate.github.GitHubUser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the session holds survives a session store's serialisation unchanged, nulls included. */
class StoredFormTest {

    static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void signedInUserWithEveryField() throws Exception {
        SignedInUser user = new SignedInUser(new GitHubUser("octocat", 583231, "The Octocat ✓ <b>", "https://a/x.png",
                "https://github.com/octocat"), "gho_token", List.of("read:org", "user:email"),
                Instant.parse("2026-01-01T08:00:00.123456789Z"), "ghr_refresh", "W/\"etag\"",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:05:00Z"), "csrf", true);
        assertEquals(user, roundTrip(user));
    }

    @Test
    void signedInUserWithNulls() throws Exception {
        SignedInUser user = new SignedInUser(new GitHubUser("octocat", 1, null, null, null), "gho_token", List.of(),
                null, null, null, Instant.EPOCH, Instant.EPOCH, "csrf", false);
        assertEquals(user, roundTrip(user));
    }

    @Test
    void pendingSignIn() throws Exception {
        PendingSignIn pending = new PendingSignIn("verifier", "/a?b=c", URI.create("https://cla.example.org/callback"),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(pending, roundTrip(pending));
    }

    @Test
    void aSessionStoredBeforeRolesIsReadAsNoAdmin() throws Exception {
        byte[] version1 = new CompactForm.Writer(1).string("octocat").number(583231).string(null).string(null)
                .string(null).string("gho_token").string("").instant(null).string(null).string(null)
                .instant(Instant.EPOCH).instant(Instant.EPOCH).string("csrf").done();
        SignedInUser user = SignedInUser.fromStoredForm(version1);
        assertEquals("octocat", user.login());
        assertEquals("gho_token", user.accessToken());
        assertEquals("csrf", user.csrfToken());
        assertFalse(user.admin());
    }

    @Test
    void anUnknownVersionIsRefusedNotMisread() {
        assertThrows(InvalidObjectException.class,
                () -> new CompactForm.Reader(new CompactForm.Writer(99).string("x").done(), 1));
    }
}
