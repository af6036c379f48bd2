package dev.octogate.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Proof Key for Code Exchange, RFC 7636, method S256. */
public final class Pkce {

    private Pkce() {
    }

    /** A verifier: 32 random bytes make 43 characters of base64url, the minimum RFC 7636 allows. */
    public static String newVerifier(RandomTokens random) {
        return random.next(32);
    }

    /** {@code BASE64URL(SHA256(ASCII(code_verifier)))}. */
    public static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
