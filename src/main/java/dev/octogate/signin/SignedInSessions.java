package dev.octogate.signin;

import dev.octogate.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where the signed-in user of a session is kept: one session attribute, a byte array sealed with
 * the app's session key. A shared session store holds no readable token, the container
 * deserialises no Octogate class, and a value altered in the store does not open: that session is
 * signed out, never trusted.
 */
public final class SignedInSessions {

    static final String ATTRIBUTE = "octogate.user";
    private static final byte[] CONTEXT = "the signed-in user of a session".getBytes(StandardCharsets.UTF_8);

    /** Slots of {@link #opened}; a power of two. */
    private static final int OPENED_SLOTS = 1024;

    /** A sealed value this node opened, and what it held. */
    private record Opened(byte[] sealed, SignedInUser user) {
    }

    private final Sealer sealer;
    /**
     * Values opened lately, by the identity of their sealed bytes: a container that keeps sessions
     * in memory hands the same array to every request of a session, which then costs no decryption.
     * A cache, not state: bounded, and the same bytes always open to the same user, so what it holds
     * never changes an answer. (A value loaded again from a session store is a new array, opened anew.)
     */
    private final AtomicReferenceArray<Opened> opened = new AtomicReferenceArray<>(OPENED_SLOTS);

    public SignedInSessions(Sealer sealer) {
        this.sealer = sealer;
    }

    public Optional<SignedInUser> current(SessionAttributes session) {
        if (session == null) {
            return Optional.empty();
        }
        Object value = session.get(ATTRIBUTE);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof byte[] sealed) {
            int slot = System.identityHashCode(sealed) & (OPENED_SLOTS - 1);
            Opened known = opened.get(slot);
            if (known != null && known.sealed() == sealed) {
                return Optional.of(known.user());
            }
            Optional<byte[]> content = sealer.open(sealed, CONTEXT);
            if (content.isPresent()) {
                try {
                    SignedInUser user = SignedInUser.fromBytes(content.get());
                    opened.set(slot, new Opened(sealed, user));
                    return Optional.of(user);
                } catch (java.io.ObjectStreamException e) {
                    // sealed by this app, but not in a form this version reads: as good as unopened
                }
            }
        }
        session.remove(ATTRIBUTE);
        SignInLog.unopenedSession();
        return Optional.empty();
    }

    public void store(SessionAttributes session, SignedInUser user) {
        session.set(ATTRIBUTE, sealer.seal(user.toBytes(), CONTEXT));
    }

    public void clear(SessionAttributes session) {
        session.remove(ATTRIBUTE);
    }
}
