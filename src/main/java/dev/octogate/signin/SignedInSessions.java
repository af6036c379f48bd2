package dev.octogate.signin;

import java.util.Optional;

/** Where the signed-in user of a session is kept: one session attribute. */
public final class SignedInSessions {

    static final String ATTRIBUTE = "octogate.user";

    private SignedInSessions() {
    }

    public static Optional<SignedInUser> current(SessionAttributes session) {
        if (session == null) {
            return Optional.empty();
        }
        return session.get(ATTRIBUTE) instanceof SignedInUser user ? Optional.of(user) : Optional.empty();
    }

    public static void store(SessionAttributes session, SignedInUser user) {
        session.set(ATTRIBUTE, user);
    }

    public static void clear(SessionAttributes session) {
        session.remove(ATTRIBUTE);
    }
}
