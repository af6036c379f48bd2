package dev.octogate.signin;

import java.net.URI;
import java.time.Instant;

/**
 * A sign-in that went to GitHub and has not come back yet. It travels with the browser, sealed
 * (see {@link PendingSignIns}); the server keeps nothing of it.
 *
 * @param redirectUri the exact {@code redirect_uri} sent to GitHub; the code exchange must repeat it
 */
public record PendingSignIn(String codeVerifier, String next, URI redirectUri, Instant createdAt) {

    private static final int FORM_VERSION = 1;

    byte[] toBytes() {
        return new CompactForm.Writer(FORM_VERSION)
                .string(codeVerifier).string(next).string(redirectUri.toString()).instant(createdAt).done();
    }

    static PendingSignIn fromBytes(byte[] form) throws java.io.ObjectStreamException {
        CompactForm.Reader in = new CompactForm.Reader(form, FORM_VERSION);
        return new PendingSignIn(in.string(), in.string(), URI.create(in.string()), in.instant());
    }

    @Override
    public String toString() {
        return "PendingSignIn[next=" + next + ", createdAt=" + createdAt + "]"; // never the verifier
    }
}
