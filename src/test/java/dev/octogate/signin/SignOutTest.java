package dev.octogate.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.octogate.github.GitHubException;
import dev.octogate.testing.LogCapture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Step 7: the grant is revoked only when set, and a failure there does not keep anyone signed in. */
class SignOutTest {

    @RegisterExtension
    final LogCapture logs = LogCapture.of("dev.octogate.signin");

    final FakeGitHub github = new FakeGitHub();
    final SignedInUser user = new SignedInUser(FakeGitHub.OCTOCAT, "gho_token", List.of(), null, null, null,
            Instant.EPOCH, Instant.EPOCH, "csrf", false);

    @Test
    void byDefaultGitHubIsNotAsked() {
        assertEquals(SignOut.Grant.NOT_ASKED, new SignOut(TestSettings.signIn(Map.of()), github).signOut(user));
        assertEquals(List.of(), github.calls());
        assertTrue(logs.messages(Level.INFO).contains("sign-out: login=octocat id=583231 outcome=signed-out"),
                logs.all().toString());
    }

    @Test
    void whenSetTheGrantIsRevoked() {
        SignOut signOut = new SignOut(TestSettings.signIn(Map.of("GITHUB_REVOKE_ON_LOGOUT", "true")), github);
        assertEquals(SignOut.Grant.REVOKED, signOut.signOut(user));
        assertEquals(List.of("gho_token"), github.revokedGrants());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.endsWith("grant=revoked")), logs.all().toString());
    }

    @Test
    void aFailedRevocationIsLoggedAndTheSignOutGoesOn() {
        github.failNext("revoke", FakeGitHub.failure(GitHubException.Kind.UNREACHABLE));
        SignOut signOut = new SignOut(TestSettings.signIn(Map.of("GITHUB_REVOKE_ON_LOGOUT", "true")), github);
        assertEquals(SignOut.Grant.KEPT, signOut.signOut(user));
        assertTrue(logs.messages(Level.WARNING).stream().anyMatch(l -> l.contains("revoke")), logs.all().toString());
        assertTrue(logs.messages(Level.INFO).stream().anyMatch(l -> l.endsWith("grant=kept")), logs.all().toString());
    }
}
