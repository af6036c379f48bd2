package dev.octogate.signin;

import java.io.Serializable;
import java.net.URI;
import java.time.Instant;

/**
 * A sign-in that went to GitHub and has not come back yet. Kept in the session under a name derived
 * from its {@code state}, so the state itself is not stored.
 *
 * @param redirectUri the exact {@code redirect_uri} sent to GitHub; the code exchange must repeat it
 */
public record PendingSignIn(String codeVerifier, String next, URI redirectUri, Instant createdAt)
        implements Serializable {

    /** Stored in the compact form (see {@link CompactForm}). */
    @java.io.Serial
    private Object writeReplace() {
        return new Stored(new CompactForm.Writer(Stored.VERSION)
                .string(codeVerifier).string(next).string(redirectUri.toString()).instant(createdAt).done());
    }

    /** The serialised form of a {@link PendingSignIn}. */
    private record Stored(byte[] form) implements Serializable {
        static final int VERSION = 1;

        @java.io.Serial
        private Object readResolve() throws java.io.ObjectStreamException {
            CompactForm.Reader in = new CompactForm.Reader(form, VERSION);
            return new PendingSignIn(in.string(), in.string(), URI.create(in.string()), in.instant());
        }
    }

    @Override
    public String toString() {
        return "PendingSignIn[next=" + next + ", createdAt=" + createdAt + "]";
    }
}
