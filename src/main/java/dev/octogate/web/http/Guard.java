package dev.octogate.web.http;

import dev.octogate.signin.SignedInUser;
import java.util.Optional;

/** Whether a request may reach its route, from the route's {@link Access} and who is signed in. */
public final class Guard {

    public enum Verdict {
        /** Let through. */
        ALLOW,
        /** Nobody is signed in: browsers are sent to sign in, API calls get {@code 401}. */
        SIGN_IN,
        /** Signed in, without the role the route needs: {@code 403}. */
        FORBIDDEN
    }

    private Guard() {
    }

    public static Verdict decide(Access access, Optional<SignedInUser> user) {
        return switch (access) {
            case ANYONE, GITHUB_WEBHOOK -> Verdict.ALLOW;
            case SIGNED_IN -> user.isPresent() ? Verdict.ALLOW : Verdict.SIGN_IN;
            case ADMIN -> user.isEmpty() ? Verdict.SIGN_IN : user.get().admin() ? Verdict.ALLOW : Verdict.FORBIDDEN;
        };
    }
}
