package dev.octogate.signin;

import dev.octogate.crypto.Sha256;
import java.util.Base64;

/** Proof Key for Code Exchange, RFC 7636, method S256. */
public final class Pkce {

    private Pkce() {
    }

    /** A verifier: 32 random bytes make 43 characters of base64url, the minimum RFC 7636 allows. */
    public static String newVerifier(RandomTokens random) {
        return random.next(32);
    }

    /** {@code BASE64URL(SHA256(ASCII(code_verifier)))}; a verifier is ASCII, so UTF-8 is the same bytes. */
    public static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(verifier));
    }
}
