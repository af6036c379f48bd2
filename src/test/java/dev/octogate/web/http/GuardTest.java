package dev.octogate.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.octogate.github.GitHubUser;
import dev.octogate.signin.SignedInUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardTest {

    static Optional<SignedInUser> user(boolean admin) {
        return Optional.of(new SignedInUser(new GitHubUser("octocat", 1, null, null, null), "t", List.of(), null, null,
                null, Instant.EPOCH, Instant.EPOCH, "csrf", admin));
    }

    @Test
    void everyAccessForEveryone() {
        Optional<SignedInUser> nobody = Optional.empty();
        assertEquals(Guard.Verdict.ALLOW, Guard.decide(Access.ANYONE, nobody));
        assertEquals(Guard.Verdict.ALLOW, Guard.decide(Access.GITHUB_WEBHOOK, nobody));
        assertEquals(Guard.Verdict.SIGN_IN, Guard.decide(Access.SIGNED_IN, nobody));
        assertEquals(Guard.Verdict.SIGN_IN, Guard.decide(Access.ADMIN, nobody));

        assertEquals(Guard.Verdict.ALLOW, Guard.decide(Access.SIGNED_IN, user(false)));
        assertEquals(Guard.Verdict.FORBIDDEN, Guard.decide(Access.ADMIN, user(false)));
        assertEquals(Guard.Verdict.ALLOW, Guard.decide(Access.ADMIN, user(true)));
    }
}
